import type { MonthLabel, Obligation } from '../types.ts';
import { countByUnitMonth } from './group.ts';

/**
 * Obligations of every status due in each month, per unit, aligned with
 * `months` (SPEC §6 "Due by unit and month").
 * @example dueByUnitMonth(obligations, ['Amager'], ['2025-01']) // { Amager: [4] }
 */
export function dueByUnitMonth(obligations: readonly Obligation[], units: readonly string[], months: readonly MonthLabel[]): Record<string, number[]> {
  return countByUnitMonth(obligations, units, months, (o) => o.unit, (o) => o.due);
}
