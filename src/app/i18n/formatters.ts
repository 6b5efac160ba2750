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

/** @example numberFormat('da-DK', { maximumFractionDigits: 1 }).format(3.46) // '3,5' */
export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return made(numbers, tag, options, () => new Intl.NumberFormat(tag, options));
}

/** @example dateFormat('da-DK', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 5, 1))) // 'juni' */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return made(dates, tag, options, () => new Intl.DateTimeFormat(tag, options));
}
