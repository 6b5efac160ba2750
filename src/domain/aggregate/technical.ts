import type { EventRecord, Measure, MonthLabel } from '../types.ts';
import { countByUnitMonth, perUnit } from './group.ts';

/*
 * Technical follow-ups (SPEC §6): registrations that are not real
 * follow-ups, counted by the unit on the row.
 */

function* technicalRows(measures: readonly Measure[]): Generator<EventRecord> {
  for (const m of measures) for (const r of m.rows) if (r.event === 'technical_follow_up') yield r;
}

/** Accepted technical follow-up rows per unit. @example technicalFollowUps(measures, ['Amager']) // { Amager: 3 } */
export function technicalFollowUps(measures: readonly Measure[], units: readonly string[]): Record<string, number> {
  const out = perUnit(units, () => 0);
  for (const r of technicalRows(measures)) out[r.unit]!++;
  return out;
}

/**
 * The same rows per unit and month, aligned with `months`.
 * @example technicalByUnitMonth(measures, ['Amager'], ['2025-05', '2025-06']) // { Amager: [1, 2] }
 */
export function technicalByUnitMonth(measures: readonly Measure[], units: readonly string[], months: readonly MonthLabel[]): Record<string, number[]> {
  return countByUnitMonth(technicalRows(measures), units, months, (r) => r.unit, (r) => r.date);
}
