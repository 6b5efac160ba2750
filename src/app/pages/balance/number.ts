/**
 * A number for a CSV file the page writes: with a decimal comma where the
 * file is for Danish Excel (`;` between fields), so Excel reads it as a number.
 * @example csvNumber(0.75, ';') // '0,75'
 */
export function csvNumber(n: number, delimiter: ',' | ';'): string {
  const text = String(Math.round(n * 100) / 100);
  return delimiter === ';' ? text.replace('.', ',') : text;
}
