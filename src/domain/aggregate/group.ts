import { monthOf } from '../calendar.ts';
import type { IsoDate, MonthLabel } from '../types.ts';

/** One value per unit, made fresh for each: `perUnit(units, () => 0)`. */
export function perUnit<T>(units: readonly string[], make: () => T): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const u of units) out[u] = make();
  return out;
}

/**
 * Items counted per unit and month of their date, aligned with `months`;
 * items dated in no month of them are left out.
 * @example countByUnitMonth(obligations, ['Amager'], ['2025-01'], (o) => o.unit, (o) => o.due) // { Amager: [4] }
 */
export function countByUnitMonth<T>(
  items: Iterable<T>,
  units: readonly string[],
  months: readonly MonthLabel[],
  unitOf: (item: T) => string,
  dateOf: (item: T) => IsoDate,
): Record<string, number[]> {
  const index = new Map(months.map((m, i) => [m, i]));
  const out = perUnit(units, () => new Array<number>(months.length).fill(0));
  for (const item of items) {
    const i = index.get(monthOf(dateOf(item)));
    if (i !== undefined) out[unitOf(item)]![i]!++;
  }
  return out;
}
