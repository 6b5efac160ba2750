import Papa from 'papaparse';

/*
 * Every CSV the app writes goes through here, so none can carry a
 * spreadsheet formula from a hostile export back into Excel: a text cell
 * that starts with = + - @, a tab or a carriage return gets a leading
 * apostrophe, whatever follows, line breaks included. Papa Parse's own
 * `escapeFormulae: true` tests `/^[=+\-@\t\r].*$/`, whose `.` stops at a
 * line break, so a formula with a newline inside went out live; only the
 * first character decides here. A number cell is written as the number it
 * is (`-3`): our own figures are numbers, a file's text is a string.
 */

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | null;

export interface CsvOptions {
  /** `;` for Danish Excel, `,` elsewhere. */
  delimiter?: ',' | ';';
  /** A UTF-8 byte-order mark, so Excel reads æ, ø and å right (default on). */
  bom?: boolean;
}

/**
 * @example formulaSafeCsv(['unit', 'count'], [['=cmd()', 3]]) // '\ufeffunit,count\r\n"\'=cmd()",3'
 */
export function formulaSafeCsv(header: readonly string[], rows: readonly (readonly Cell[])[], { delimiter = ',', bom = true }: CsvOptions = {}): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((c) => (c === null ? '' : c))) },
    { delimiter, newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  return (bom ? '\ufeff' : '') + body;
}
