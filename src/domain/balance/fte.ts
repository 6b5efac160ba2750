import { mapColumns, normalizeHeader } from '../import/columns.ts';
import { maskCpr } from '../import/cpr.ts';
import { decodeText } from '../import/decode.ts';
import { cell } from '../import/read.ts';
import { NotATableError, readTable } from '../import/table.ts';
import { DEFAULT_FTE, MAX_FTE } from './limits.ts';

/*
 * FTE per caseworker (SPEC §10): a file with the columns `caseworker` and
 * `fte`, and optionally `unit` (needed for a caseworker who holds no case
 * yet); `,` or `;`, a decimal comma read. Read with the export's own table
 * reader (Papa Parse), so quotes, a byte-order mark and Windows-1252 text
 * work the same. What is wrong is returned as data, a code with its line;
 * the sentence is made where it is shown.
 */

export { DEFAULT_FTE, MAX_FTE } from './limits.ts';

/** One caseworker's FTE; `unit` null: in every unit where they hold a case. */
export interface FteEntry {
  caseworker: string;
  unit: string | null;
  fte: number;
}

export type FteProblem =
  /** The file as a whole: no such column (or not a table at all). */
  | { code: 'no-column'; column: 'caseworker' | 'fte' }
  | { code: 'not-a-table' }
  | { code: 'no-caseworker'; line: number }
  | { code: 'not-a-number'; line: number; value: string }
  | { code: 'out-of-range'; line: number; value: string }
  | { code: 'repeated'; line: number; first: number }
  /** A quoted field that is never closed. */
  | { code: 'broken'; line: number };

export interface FteFile {
  entries: FteEntry[];
  /** Empty when every row could be read. */
  problems: FteProblem[];
}

const FTE_NAMES = new Set(['fte', 'årsværk', 'aarsvaerk', 'normering']);

/**
 * A decimal number written either way: `6,5` (Danish) or `6.5`. Null when
 * it is not one. No thousands separators: nothing read this way is that big.
 * @example readDecimal('0,8') // 0.8; readDecimal('1.5') // 1.5; readDecimal('1 ½') // null
 */
export function readDecimal(text: string): number | null {
  const v = text.trim();
  return /^[+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v) ? Number(v.replace(',', '.')) : null;
}

/** Whether an FTE is allowed: above 0 and at most 2. */
export function isFte(n: number): boolean {
  return Number.isFinite(n) && n > 0 && n <= MAX_FTE;
}

/**
 * Reads an FTE file's bytes or text. Rows with no caseworker, an FTE that
 * is not a number above 0 and at most 2, or a caseworker (and unit) named
 * twice are problems; the entries hold the rows that could be read.
 * @example readFteFile('caseworker;fte;unit\nAB;0,8;Amager').entries // [{ caseworker: 'AB', unit: 'Amager', fte: 0.8 }]
 */
export function readFteFile(input: Uint8Array | string): FteFile {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  let table;
  try {
    table = readTable(text);
  } catch (error) {
    if (error instanceof NotATableError) return { entries: [], problems: [{ code: 'not-a-table' }] };
    throw error;
  }
  const columns = mapColumns(table.header);
  const fteAt = table.header.findIndex((name) => FTE_NAMES.has(normalizeHeader(name)));
  if (columns.caseworker === undefined) return { entries: [], problems: [{ code: 'no-column', column: 'caseworker' }] };
  if (fteAt < 0) return { entries: [], problems: [{ code: 'no-column', column: 'fte' }] };
  const unitAt = columns.unit ?? -1;

  const entries: FteEntry[] = [];
  const problems: FteProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const caseworker = maskCpr(cell(fields, columns.caseworker).normalize('NFC'));
    const unit = maskCpr(cell(fields, unitAt).normalize('NFC')) || null;
    const value = cell(fields, fteAt);
    const fte = readDecimal(value);
    if (caseworker === '') problems.push({ code: 'no-caseworker', line });
    else if (fte === null) problems.push({ code: 'not-a-number', line, value: maskCpr(value) });
    else if (!isFte(fte)) problems.push({ code: 'out-of-range', line, value: maskCpr(value) });
    else {
      const key = `${unit ?? ''}\u0000${caseworker}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ code: 'repeated', line, first });
      else {
        seen.set(key, line);
        entries.push({ caseworker, unit, fte });
      }
    }
  }
  for (const line of table.broken) problems.push({ code: 'broken', line });
  problems.sort((a, b) => ('line' in a ? a.line : 0) - ('line' in b ? b.line : 0));
  return { entries, problems };
}

/** The sentence for a problem, in English (the command line's). */
export function fteProblemText(p: FteProblem): string {
  switch (p.code) {
    case 'no-column':
      return p.column === 'caseworker' ? 'the FTE file has no column "caseworker" (or "sagsbehandler")' : 'the FTE file has no column "fte" (or "årsværk")';
    case 'not-a-table':
      return 'the FTE file is not a table (CSV with the columns caseworker;fte;unit)';
    case 'no-caseworker':
      return `line ${p.line}: no caseworker`;
    case 'not-a-number':
      return `line ${p.line}: FTE ${JSON.stringify(p.value)} is not a number (write e.g. 0,8 or 0.8)`;
    case 'out-of-range':
      return `line ${p.line}: FTE ${p.value} is not above 0 and at most ${MAX_FTE}`;
    case 'repeated':
      return `line ${p.line}: this caseworker already has an FTE on line ${p.first}`;
    case 'broken':
      return `line ${p.line}: a quoted field opens here and is never closed`;
  }
}

/**
 * A caseworker's FTE in a unit: the entry for that unit, else the one with
 * no unit, else 1.
 * @example fteLookup([{ caseworker: 'AB', unit: null, fte: 0.5 }])('AB', 'Valby') // 0.5
 */
export function fteLookup(entries: readonly FteEntry[]): (caseworker: string, unit: string) => number {
  const byKey = new Map<string, number>();
  for (const e of entries) byKey.set(`${e.unit ?? ''}\u0000${e.caseworker}`, e.fte);
  return (caseworker, unit) => byKey.get(`${unit}\u0000${caseworker}`) ?? byKey.get(`\u0000${caseworker}`) ?? DEFAULT_FTE;
}
