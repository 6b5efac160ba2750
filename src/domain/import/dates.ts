import { isoDate, isRealDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/*
 * Dates as exports write them (SPEC §3): YYYY-MM-DD, DD-MM-YYYY,
 * DD.MM.YYYY, DD/MM/YYYY. One-digit days and months and a trailing time of
 * day (Excel adds " 00:00:00") are read too; a date that is not on the
 * calendar (31-02-2025) is not a date.
 */

const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

export const DATE_FORMATS = 'YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY';

/** @example parseDate('31.12.2024') // '2024-12-31' */
export function parseDate(value: string): IsoDate | null {
  const s = value.trim();
  let m = YMD.exec(s);
  if (m) return checked(+m[1]!, +m[2]!, +m[3]!);
  m = DMY.exec(s);
  if (m) return checked(+m[4]!, +m[3]!, +m[1]!);
  return null;
}

function checked(year: number, month: number, day: number): IsoDate | null {
  return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
}

/** parseDate with a memory: exports repeat the same few thousand dates. */
export function dateReader(): (value: string) => IsoDate | null {
  const seen = new Map<string, IsoDate | null>();
  return (value) => {
    let d = seen.get(value);
    if (d === undefined) {
      d = parseDate(value);
      if (seen.size < 100_000) seen.set(value, d);
    }
    return d;
  };
}
