import { addDays, addMonths, endOfMonth, firstWorkdayAfter, monthRange, startOfIsoWeek } from './calendar.ts';
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

/** The planning range of SPEC §7: the weeks w0 … w(weeks − 1). */
export interface PlanningRange {
  /** The first Monday–Friday after the as-of date: the day planned work can start. */
  firstWorkday: IsoDate;
  /** The Monday of w0, the week of the first workday. */
  first: IsoDate;
  /** The Sunday of the last week. */
  last: IsoDate;
  weeks: number;
}

/**
 * The planning range from the first workday after the as-of date: an
 * export made on a Friday or at a weekend plans from the next Monday.
 * @example planningRange('2025-10-31') // { firstWorkday: '2025-11-03', first: '2025-11-03', last: '2026-05-03', weeks: 26 }
 */
export function planningRange(asOf: IsoDate, weeks = PLANNING_WEEKS): PlanningRange {
  const firstWorkday = firstWorkdayAfter(asOf);
  const first = startOfIsoWeek(firstWorkday);
  return { firstWorkday, first, last: addDays(first, weeks * 7 - 1), weeks };
}
