import { addMonths as addMonthsDate } from 'date-fns/addMonths';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import type { IsoDate, MonthLabel, WeekLabel } from './types.ts';

/*
 * Calendar arithmetic on `YYYY-MM-DD` strings. Dates go through a local
 * `Date` only inside these functions, built from and read back into
 * year/month/day parts, so no time zone can shift a day.
 */

const DAY_MS = 86_400_000;

function parts(d: IsoDate): [number, number, number] {
  return [+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats year, month (1–12) and day as an IsoDate. @example isoDate(2025, 2, 28) // '2025-02-28' */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fromLocal(date: Date): IsoDate {
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function toLocal(d: IsoDate): Date {
  const [y, m, day] = parts(d);
  const date = new Date(y, m - 1, day);
  date.setFullYear(y); // years below 100 would otherwise map to 19xx
  return date;
}

/** Whether year, month and day name a real calendar date. @example isRealDate(2025, 2, 29) // false */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `compute(key, n)`, remembered per n for up to 200,000 keys: exports hold a
 * few thousand distinct dates and the rules a few month counts, so each sum
 * is worked out once.
 */
function remembered<K, V>(compute: (key: K, n: number) => V): (key: K, n: number) => V {
  const memo = new Map<number, Map<K, V>>();
  return (key, n) => {
    let byKey = memo.get(n);
    if (!byKey) memo.set(n, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) {
      value = compute(key, n);
      if (byKey.size < 200_000) byKey.set(key, value);
    }
    return value;
  };
}

/**
 * date-fns' addMonths on a calendar date: same day of month, clamped to the
 * end of the target month.
 * @example addMonths('2024-08-31', 6) // '2025-02-28'
 */
export const addMonths: (d: IsoDate, n: number) => IsoDate = remembered((d: IsoDate, n) => fromLocal(addMonthsDate(toLocal(d), n)));

/** Days since 1970-01-01 (may be negative). @example dayNumber('1970-01-02') // 1 */
export function dayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Math.round(Date.UTC(y, m - 1, day) / DAY_MS);
}

/** The IsoDate of a day number. @example fromDayNumber(1) // '1970-01-02' */
export function fromDayNumber(n: number): IsoDate {
  const date = new Date(n * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * `addMonths` on day numbers, for loops that walk many dates month by
 * month (the cascade) without making strings.
 * @example addMonthsToDay(dayNumber('2024-08-31'), 6) === dayNumber('2025-02-28') // true
 */
export const addMonthsToDay: (day: number, n: number) => number = remembered((day: number, n) => dayNumber(addMonths(fromDayNumber(day), n)));

/** Adds n days. @example addDays('2025-12-31', 1) // '2026-01-01' */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** The month label of a date. @example monthOf('2025-06-30') // '2025-06' */
export function monthOf(d: IsoDate): MonthLabel {
  return d.slice(0, 7);
}

/** The last day of a date's month. @example endOfMonth('2024-02-10') // '2024-02-29' */
export function endOfMonth(d: IsoDate): IsoDate {
  const [y, m] = parts(d);
  return isoDate(y, m, daysInMonth(y, m));
}

/**
 * Every month label from the month of `from` to the month of `to`, inclusive.
 * @example monthRange('2024-11-15', '2025-01-01') // ['2024-11', '2024-12', '2025-01']
 */
export function monthRange(from: IsoDate, to: IsoDate): MonthLabel[] {
  let [y, m] = parts(from);
  const last = monthOf(to);
  const months: MonthLabel[] = [];
  for (let label = `${pad(y, 4)}-${pad(m)}`; label <= last; label = `${pad(y, 4)}-${pad(m)}`) {
    months.push(label);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** The Monday that starts a date's ISO week. @example startOfIsoWeek('2026-01-01') // '2025-12-29' */
export function startOfIsoWeek(d: IsoDate): IsoDate {
  return addDays(d, -isoWeekday(d));
}

/** The day of the ISO week, 0 on Mondays to 6 on Sundays. @example isoWeekday('2025-10-31') // 4 (a Friday) */
export function isoWeekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(d) + 3) % 7) + 7) % 7;
}

/**
 * The first Monday–Friday after a date: the next day, or the Monday after
 * a Friday or a weekend (SPEC §7).
 * @example firstWorkdayAfter('2025-10-31') // '2025-11-03'
 */
export function firstWorkdayAfter(d: IsoDate): IsoDate {
  const weekday = isoWeekday(d);
  return addDays(d, weekday >= 4 ? 7 - weekday : 1);
}

/** The ISO week label, with the ISO week-year. @example isoWeekOf('2025-12-29') // '2026-W01' */
export function isoWeekOf(d: IsoDate): WeekLabel {
  let week = isoWeekMemo.get(d);
  if (week === undefined) {
    const date = toLocal(d);
    week = `${getISOWeekYear(date)}-W${pad(getISOWeek(date))}`;
    if (isoWeekMemo.size < 200_000) isoWeekMemo.set(d, week);
  }
  return week;
}
const isoWeekMemo = new Map<IsoDate, WeekLabel>();

/**
 * The Monday that starts an ISO week label's week (4 January is always in week 1).
 * @example mondayOfIsoWeek('2026-W01') // '2025-12-29'
 */
export function mondayOfIsoWeek(week: WeekLabel): IsoDate {
  return addDays(startOfIsoWeek(`${week.slice(0, 4)}-01-04`), 7 * (Number(week.slice(6)) - 1));
}

/** Whole weeks from the ISO week of `from` to that of `d` (negative before). @example weekIndex('2025-06-30', '2025-07-14') // 2 */
export function weekIndex(from: IsoDate, d: IsoDate): number {
  return Math.floor((dayNumber(d) - dayNumber(startOfIsoWeek(from))) / 7);
}
