import type { Obligation, StatusCounts } from '../types.ts';
import { perUnit } from './group.ts';

/** @example emptyStatus().overdue // 0 */
export function emptyStatus(): StatusCounts {
  return { done_on_time: 0, done_late: 0, overdue: 0, upcoming: 0, missed: 0, projected: 0 };
}

/**
 * How many obligations of each status each unit has (SPEC §6 "Status").
 * @example statusByUnit(obligations, ['Amager']).Amager.overdue
 */
export function statusByUnit(obligations: readonly Obligation[], units: readonly string[]): Record<string, StatusCounts> {
  const out = perUnit(units, emptyStatus);
  for (const o of obligations) out[o.unit]![o.status]++;
  return out;
}

/** Two counts added up status by status. @example addStatus(a, b).overdue // a.overdue + b.overdue */
export function addStatus(a: StatusCounts, b: StatusCounts): StatusCounts {
  const out = emptyStatus();
  for (const status of Object.keys(out) as (keyof StatusCounts)[]) out[status] = a[status] + b[status];
  return out;
}
