/*
 * The page's Intl formatters, each made once per language tag and options.
 * Making one takes milliseconds (the first of a locale more), so a language
 * switch, a redraw or a long table must not make them again.
 */

const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function made<F>(cache: Map<string, F>, tag: string, options: object, make: () => F): F {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) cache.set(key, (format = make()));
  return format;
}

/**
 * A calendar date (or the first of a month, `2025-06`) at UTC midnight, as
 * the date formatters, all in UTC, read it: no time zone shifts the day.
 * @example utcDate('2025-06') // 2025-06-01T00:00:00.000Z
 */
export function utcDate(date: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** @example numberFormat('da-DK', { maximumFractionDigits: 1 }).format(3.46) // '3,5' */
export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return made(numbers, tag, options, () => new Intl.NumberFormat(tag, options));
}

/** @example dateFormat('da-DK', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 5, 1))) // 'juni' */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return made(dates, tag, options, () => new Intl.DateTimeFormat(tag, options));
}
