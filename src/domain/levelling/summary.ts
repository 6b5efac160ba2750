import type { LevellingSummary } from '../types.ts';
import { lowerBound, meanDaysEarly, peak } from './bound.ts';
import type { Job } from './jobs.ts';
import { asDue, levelled, shifted } from './policies.ts';

/**
 * The levelling figures of one unit (SPEC §7, §8).
 * @example levellingSummary(jobs, 26, 3).levelledPeak
 */
export function levellingSummary(jobs: readonly Job[], weeks: number, backlog: number): LevellingSummary {
  const plan = levelled(jobs, weeks);
  return {
    jobs: jobs.length,
    baselinePeak: peak(asDue(jobs, weeks), weeks),
    shiftPeak: peak(shifted(jobs, weeks), weeks),
    levelledPeak: peak(plan, weeks),
    lowerBound: lowerBound(jobs, weeks),
    meanDaysEarly: meanDaysEarly(jobs, plan),
    backlog,
  };
}
