import { readDecimal } from '../../../domain/balance/index.ts';

/*
 * How this view reads a number a person typed: `0,8` (Danish) or `0.8`.
 * One function, so the app's shared number reading can replace it.
 */

/** @example readNumber('0,8') // 0.8; readNumber('otte') // null */
export function readNumber(text: string): number | null {
  return readDecimal(text);
}

/**
 * A number for a CSV file the page writes: with a decimal comma where the
 * file is for Danish Excel (`;` between fields), so Excel reads it as a number.
 * @example csvNumber(0.75, ';') // '0,75'
 */
export function csvNumber(n: number, delimiter: ',' | ';'): string {
  const text = String(Math.round(n * 100) / 100);
  return delimiter === ';' ? text.replace('.', ',') : text;
}
