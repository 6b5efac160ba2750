import { isoDate, isRealDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/*
 * Dates as exports write them (SPEC §3): YYYY-MM-DD, DD-MM-YYYY,
 * DD.MM.YYYY, DD/MM/YYYY. One-digit days and months and a trailing time of
 * day (Excel adds " 00:00:00") are read too; a date that is not on the
 * calendar (31-02-2025) is not a date, nor is one outside the years
 * FIRST_YEAR–LAST_YEAR: such a year is a typo (0205 for 2025), and every
 * date computed from a date in range (due dates, the forecast, the weeks
 * and months drawn) stays within four-digit years, where IsoDate strings
 * compare and calendar arithmetic holds.
 */

const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

export const DATE_FORMATS = `YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY, years ${FIRST_YEAR}–${LAST_YEAR}`;

/**
 * Which of the two numbers before the year is the day: `dmy` (SPEC §3, what
 * Danish exports write, the command line's only order) or `mdy` (an export
 * from a system set to US dates).
 */
export type DateOrder = 'dmy' | 'mdy';

/** @example parseDate('31.12.2024') // '2024-12-31'; parseDate('12/31/2024', 'mdy') // '2024-12-31' */
export function parseDate(value: string, order: DateOrder = 'dmy'): IsoDate | null {
  const s = value.trim();
  let m = YMD.exec(s);
  if (m) return checked(+m[1]!, +m[2]!, +m[3]!);
  m = DMY.exec(s);
  if (m) return order === 'dmy' ? checked(+m[4]!, +m[3]!, +m[1]!) : checked(+m[4]!, +m[1]!, +m[3]!);
  return null;
}

/**
 * What the day-month dates of a file say about their order:
 * - `dmy` / `mdy`: some date can only be read one way (a first number above
 *   12 is a day; a second number above 12 makes the first the month);
 * - `ambiguous`: every such date could be read either way, and at least one
 *   would change (01-02-2025 could be 1 February or 2 January);
 * - `none`: no such date, or none whose reading depends on the order.
 * When the file has dates of both kinds, the more common one wins and the
 * others are rejected as not dates.
 * `samples` are a few distinct ambiguous values, for asking a person.
 * @example detectDateOrder(['03-04-2025', '01-02-2025']).order // 'ambiguous'
 */
export function detectDateOrder(values: Iterable<string>): DetectedOrder {
  return detectDateOrderCounted((function* () {
    for (const value of values) yield [value, 1] as const;
  })());
}

export interface DetectedOrder {
  order: DateOrder | 'ambiguous' | 'none';
  samples: string[];
}

/** detectDateOrder of distinct values, each with how often it comes (in the order they first come). */
export function detectDateOrderCounted(values: Iterable<readonly [value: string, count: number]>): DetectedOrder {
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  const samples = new Set<string>();
  for (const [value, count] of values) {
    const m = DMY.exec(value.trim());
    if (!m) continue;
    const a = +m[1]!;
    const b = +m[3]!;
    if (a > 12 && b <= 12) dmy += count;
    else if (b > 12 && a <= 12) mdy += count;
    else if (a !== b && a <= 12 && b <= 12) {
      ambiguous += count;
      if (samples.size < 5) samples.add(value.trim());
    }
  }
  const order = dmy > 0 || mdy > 0 ? (mdy > dmy ? 'mdy' : 'dmy') : ambiguous > 0 ? 'ambiguous' : 'none';
  return { order, samples: [...samples] };
}

function checked(year: number, month: number, day: number): IsoDate | null {
  return year >= FIRST_YEAR && year <= LAST_YEAR && isRealDate(year, month, day) ? isoDate(year, month, day) : null;
}

/** parseDate with a memory: exports repeat the same few thousand dates. */
export function dateReader(order: DateOrder = 'dmy'): (value: string) => IsoDate | null {
  const seen = new Map<string, IsoDate | null>();
  return (value) => {
    let d = seen.get(value);
    if (d === undefined) {
      d = parseDate(value, order);
      if (seen.size < 100_000) seen.set(value, d);
    }
    return d;
  };
}
