import type { Measure } from '../types.ts';
import { perUnit } from './group.ts';

/**
 * Accepted technical follow-up rows per unit, by the unit on the row
 * (SPEC §6): registrations that are not real follow-ups.
 * @example technicalFollowUps(measures, ['Amager']) // { Amager: 3 }
 */
export function technicalFollowUps(measures: readonly Measure[], units: readonly string[]): Record<string, number> {
  const out = perUnit(units, () => 0);
  for (const m of measures) for (const r of m.rows) if (r.event === 'technical_follow_up') out[r.unit]!++;
  return out;
}
