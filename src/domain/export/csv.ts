import Papa from 'papaparse';

/*
 * Every CSV the app writes goes through here, so none can carry a
 * spreadsheet formula from a hostile export back into Excel: cells that
 * start with = + - @ or a control character get a leading apostrophe
 * (Papa Parse's escapeFormulae).
 */

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
    { delimiter, newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return (bom ? '\ufeff' : '') + body;
}
