import { addDays, dayNumber, fromDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { Rng } from './random.ts';

/**
 * Relative number of measure starts per calendar month (January first).
 * Child-welfare intake follows the school year: many starts after the
 * summer holiday (August–September) and after New Year, few in July.
 */
export const MONTH_WEIGHTS: readonly number[] = [1.3, 1.0, 1.0, 0.95, 1.0, 0.9, 0.4, 1.5, 1.45, 1.05, 1.0, 0.7];

/** Weekends see few starts (emergency placements only). */
const WEEKEND_WEIGHT = 0.15;

/** Draws dates in a range with the seasonal weights. */
export type DateSampler = (rng: Rng) => IsoDate;

/**
 * A sampler of start dates from `from` to `to` inclusive, weighted by
 * month (`monthWeights`, January first) and weekday. Builds the cumulative weights once, then each draw
 * is a binary search.
 * @example seasonalSampler('2024-05-01', '2026-10-31')(createRng(1)) // a date, most likely not in July
 */
export function seasonalSampler(from: IsoDate, to: IsoDate, monthWeights: readonly number[] = MONTH_WEIGHTS): DateSampler {
  const first = dayNumber(from);
  const days = dayNumber(to) - first + 1;
  if (days < 1) throw new RangeError(`seasonalSampler: ${to} is before ${from}`);
  const cumulative = new Float64Array(days);
  let total = 0;
  for (let i = 0; i < days; i++) {
    const n = first + i;
    const month = +fromDayNumber(n).slice(5, 7);
    // 1970-01-01 was a Thursday: (n + 3) mod 7 is 5 on Saturdays, 6 on Sundays.
    const weekday = (((n + 3) % 7) + 7) % 7;
    total += (monthWeights[month - 1] ?? 1) * (weekday >= 5 ? WEEKEND_WEIGHT : 1);
    cumulative[i] = total;
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return addDays(from, lo);
  };
}
