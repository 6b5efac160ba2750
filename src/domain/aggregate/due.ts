import { monthOf } from '../calendar.ts';
import type { MonthLabel, Obligation } from '../types.ts';
import { perUnit } from './group.ts';

/**
 * Obligations of every status due in each month, per unit, aligned with
 * `months` (SPEC §6 "Due by unit and month").
 * @example dueByUnitMonth(obligations, ['Amager'], ['2025-01']) // { Amager: [4] }
 */
export function dueByUnitMonth(obligations: readonly Obligation[], units: readonly string[], months: readonly MonthLabel[]): Record<string, number[]> {
  const index = new Map(months.map((m, i) => [m, i]));
  const out = perUnit(units, () => new Array<number>(months.length).fill(0));
  for (const o of obligations) {
    const i = index.get(monthOf(o.due));
    if (i !== undefined) out[o.unit]![i]!++;
  }
  return out;
}
