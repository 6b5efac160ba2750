let compare: ((a: string, b: string) => number) | undefined;

/**
 * Danish order for names (units, caseworkers, types, cases): æ, ø, å after
 * z, numbers by value ("Team 9" before "Team 10"). One collator, made once:
 * `a.localeCompare(b, 'da')` looks the locale up on every call and is many
 * times slower, which tells in a sort of tens of thousands of rows. It is
 * made on the first comparison, not when the module loads: making it loads
 * the locale's data, which a page that has not sorted anything yet need not
 * wait for.
 * @example ['Østerbro', 'Amager', 'Team 10', 'Team 9'].sort(danishOrder) // ['Amager', 'Team 9', 'Team 10', 'Østerbro']
 */
export function danishOrder(a: string, b: string): number {
  const digits = byDigitAt(a, b);
  if (digits !== null) return digits;
  compare ??= new Intl.Collator('da', { sensitivity: 'variant', numeric: true }).compare;
  return compare(a, b);
}

/**
 * The collator's order of two texts that are the same up to a digit each,
 * in runs of digits as long as each other (ids such as S4082814 and
 * S5781487) that end in neither a digit nor a code past ASCII (another
 * script's digit carries a number on), else null. There the order is the
 * two digits' own: the text before them is the same, and numbers of as
 * many digits order as their digits do. A plan of a national export sorts
 * hundreds of thousands of follow-ups of one caseworker and due date by
 * case, and the collator takes several times as long for each pair.
 * Equal texts are equal. Past 254 code units the collator answers.
 */
function byDigitAt(a: string, b: string): number | null {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  if (k === n) return a.length === b.length ? 0 : null;
  const x = a.charCodeAt(k);
  const y = b.charCodeAt(k);
  if (!isDigit(x) || !isDigit(y)) return null;
  let i = k + 1;
  while (i < n && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(i))) i++;
  // The collator weighs a number in pieces of 254 digits, each without its leading zeros: a run as long goes to it.
  if (i > 254) return null;
  return mayBeDigit(a.charCodeAt(i)) || mayBeDigit(b.charCodeAt(i)) ? null : x - y;
}

/** An ASCII digit's code (NaN, past a text's end, is none). */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A code that may carry on a number for the collator: an ASCII digit, or any code past ASCII (other scripts' digits count). */
const mayBeDigit = (c: number): boolean => isDigit(c) || c > 127;

/** Danish order, with the swimlane of follow-ups that have no caseworker last. @example ['', 'Bo', 'Al'].sort(caseworkerOrder) // ['Al', 'Bo', ''] */
export function caseworkerOrder(a: string, b: string): number {
  return a === b ? 0 : a === '' ? 1 : b === '' ? -1 : danishOrder(a, b);
}

/** Dates as `YYYY-MM-DD` (and ISO weeks) sort as text, code unit by code unit. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
