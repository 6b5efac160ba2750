import type { LevellingSummary } from '../types.ts';
import { lowerBound, meanDaysEarly, peak } from './bound.ts';
import type { Job } from './jobs.ts';
import { asDue, levelled, shifted } from './policies.ts';

/**
 * The levelling figures of one unit (SPEC §7, §8): its jobs, and its
 * backlog as the load b(t) of each week.
 * @example levellingSummary(jobs, 26, backlogLoad(3, 4, 26)).levelledPeak
 */
export function levellingSummary(jobs: readonly Job[], weeks: number, backlog: ArrayLike<number>): LevellingSummary {
  const plan = levelled(jobs, weeks, backlog);
  let overdue = 0;
  for (let w = 0; w < backlog.length; w++) overdue += backlog[w]!;
  return {
    jobs: jobs.length,
    backlog: overdue,
    baselinePeak: peak(asDue(jobs, weeks), weeks, backlog),
    shiftPeak: peak(shifted(jobs, weeks), weeks, backlog),
    levelledPeak: peak(plan, weeks, backlog),
    lowerBound: lowerBound(jobs, weeks, backlog),
    meanDaysEarly: meanDaysEarly(jobs, plan),
  };
}
