import { addDays, addMonths, endOfMonth, monthRange, startOfIsoWeek } from './calendar.ts';
import type { IsoDate, MonthLabel } from './types.ts';

/*
 * The time frames every figure is drawn in (SPEC §6, §7).
 */

export const DEFAULT_HORIZON = 12;
export const MIN_HORIZON = 6;
export const PLANNING_WEEKS = 26;

/** @example checkHorizon(3) // throws: invalid horizon */
export function checkHorizon(horizon: number): number {
  if (!Number.isInteger(horizon) || horizon < MIN_HORIZON) {
    throw new RangeError(`invalid horizon: ${horizon} (a whole number of months, at least ${MIN_HORIZON}, so the forecast covers the levelling range)`);
  }
  return horizon;
}

/** Months from 12 back to `horizon` ahead of the as-of month. @example figureMonths('2025-06-30', 12).length // 25 */
export function figureMonths(asOf: IsoDate, horizon = DEFAULT_HORIZON): MonthLabel[] {
  return monthRange(addMonths(asOf, -12), addMonths(asOf, checkHorizon(horizon)));
}

/** The last day of the forecast range. @example forecastEnd('2025-06-30', 12) // '2026-06-30' */
export function forecastEnd(asOf: IsoDate, horizon = DEFAULT_HORIZON): IsoDate {
  return endOfMonth(addMonths(asOf, checkHorizon(horizon)));
}

/** The planning range: Monday of the as-of week and the Sunday 26 weeks on. */
export function planningRange(asOf: IsoDate, weeks = PLANNING_WEEKS): { first: IsoDate; last: IsoDate } {
  const first = startOfIsoWeek(asOf);
  return { first, last: addDays(first, weeks * 7 - 1) };
}
