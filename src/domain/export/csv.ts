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

/** A cell as text: a file's text neutralised where it starts like a formula, a number with the file's decimal mark. */
function cellText(c: Cell, decimalComma: boolean): string {
  if (c === null) return '';
  if (typeof c === 'number') return decimalComma ? String(c).replace('.', ',') : String(c);
  return FORMULA_START.test(c) ? `'${c}` : c;
}

/**
 * Numbers are written with a decimal comma where the file is for Danish
 * Excel (`;` between fields), which reads `0,75` as a number and `0.75` as
 * text or a date.
 * @example formulaSafeCsv(['unit', 'count'], [['=cmd()', 3]]) // '\ufeffunit,count\r\n"\'=cmd()",3'
 * @example formulaSafeCsv(['unit', 'share'], [['Valby', 0.75]], { delimiter: ';', bom: false }) // 'unit;share\r\nValby;0,75'
 */
export function formulaSafeCsv(header: readonly string[], rows: readonly (readonly Cell[])[], { delimiter = ',', bom = true }: CsvOptions = {}): string {
  const comma = delimiter === ';';
  const body = Papa.unparse(
    { fields: header.map((h) => cellText(h, comma)), data: rows.map((r) => r.map((c) => cellText(c, comma))) },
    // A neutralised cell is quoted too, as a spreadsheet then keeps its apostrophe as text.
    { delimiter, newline: '\r\n', escapeFormulae: false, quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'") },
  );
  return (bom ? '\ufeff' : '') + body;
}
