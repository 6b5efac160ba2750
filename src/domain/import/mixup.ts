import { UNIT_LIMIT } from '../scope/largest.ts';
import type { EventRecord } from '../types.ts';
import { maskCpr } from './cpr.ts';
import type { ColumnMap } from './columns.ts';

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
 * @example columnWarnings(records, header, columns)[0] // { code: 'mixed-up-column', field: 'unit', column: 'enhed', values: 14000, cases: 14300 }
 */
export function columnWarnings(records: readonly EventRecord[], header: readonly string[], columns: ColumnMap): ColumnWarning[] {
  const cases = new Set<string>();
  const distinct = { unit: new Set<string>(), caseworker: new Set<string>() };
  for (const r of records) {
    cases.add(r.caseId);
    distinct.unit.add(r.unit);
    if (r.caseworker !== '') distinct.caseworker.add(r.caseworker);
  }
  const out: ColumnWarning[] = [];
  for (const field of ['unit', 'caseworker'] as const) {
    const values = distinct[field].size;
    const index = columns[field];
    if (index === undefined || values <= UNIT_LIMIT || values <= cases.size * MIXED_UP_SHARE[field]) continue;
    out.push({ code: 'mixed-up-column', field, column: maskCpr(header[index] ?? field), values, cases: cases.size });
  }
  return out;
}
