import { UNIT_LIMIT } from '../scope/largest.ts';
import { maskCpr } from './cpr.ts';
import type { ColumnMap } from './columns.ts';
import type { EventRows } from './rows.ts';

/**
 * A column that looks mixed up (DECISIONS, "Many units"): far more distinct units or
 * caseworkers than a municipality has, for the cases the file holds.
 * Reported as data; the sentence is built where it is shown.
 */
export interface ColumnWarning {
  code: 'mixed-up-column';
  field: 'unit' | 'caseworker';
  /** The column's header name as a person may see it. */
  column: string;
  /** Distinct values in the column, and distinct cases in the file (accepted rows). */
  values: number;
  cases: number;
}

/** More units than this share of the cases, or more caseworkers, and the column looks mixed up. */
export const MIXED_UP_SHARE = { unit: 0.1, caseworker: 0.5 } as const;

/**
 * The mixed-up-looking columns among unit and caseworker. A file of fewer
 * distinct values than a view draws (UNIT_LIMIT) is never warned about:
 * a small test file is not a mix-up.
 * @example columnWarnings(readExport(text).rows, header, columns)[0] // { code: 'mixed-up-column', field: 'unit', column: 'enhed', values: 14000, cases: 14300 }
 */
export function columnWarnings(rows: EventRows, header: readonly string[], columns: ColumnMap): ColumnWarning[] {
  const cases = rows.caseIds.length;
  const distinct = { unit: distinctTexts(rows.texts, rows.unit), caseworker: distinctTexts(rows.texts, rows.caseworker) };
  const out: ColumnWarning[] = [];
  for (const field of ['unit', 'caseworker'] as const) {
    const values = distinct[field];
    const index = columns[field];
    if (index === undefined || values <= UNIT_LIMIT || values <= cases * MIXED_UP_SHARE[field]) continue;
    out.push({ code: 'mixed-up-column', field, column: maskCpr(header[index] ?? field), values, cases: cases });
  }
  return out;
}

/** How many distinct non-empty texts a column holds (indices into `texts`). */
function distinctTexts(texts: readonly string[], column: Int32Array): number {
  const seen = new Uint8Array(texts.length);
  let size = 0;
  for (const i of column) {
    if (seen[i] === 1 || texts[i] === '') continue;
    seen[i] = 1;
    size++;
  }
  return size;
}
