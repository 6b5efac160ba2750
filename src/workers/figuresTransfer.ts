import type { Figures } from '../domain/analyze.ts';
import type { Registration, RegistrationFigures } from '../domain/aggregate/registrations.ts';
import type { CaseHolder } from '../domain/balance/cases.ts';
import type { Obligation } from '../domain/types.ts';
import { fromColumns, toColumns, type ColumnTable, type Pause, type Schema } from './columns.ts';

/*
 * The figures as the analysis worker posts them: the three lists that grow
 * with the export (every obligation, every registration, every case) as
 * columns of transferable arrays (columns.ts), the rest as it is: sums per
 * unit and month, a few thousand values at most.
 */

const OBLIGATION: Schema<Obligation> = {
  measureKey: 'text', caseId: 'text', measureId: 'text', measureType: 'text', seq: 'number', created: 'text',
  due: 'text', completed: 'text', status: 'text', measureEnd: 'text', unit: 'text', caseworker: 'text',
};
const REGISTRATION: Schema<Registration> = { line: 'number', unit: 'text', caseId: 'text', measureId: 'text', caseworker: 'text', event: 'text', date: 'text' };
const CASE: Schema<CaseHolder> = { caseId: 'text', unit: 'text', caseworker: 'text', measureTypes: 'texts' };

export interface PackedFigures extends Omit<Figures, 'obligations' | 'cases' | 'registrations'> {
  obligations: ColumnTable;
  cases: ColumnTable;
  registrations: Omit<RegistrationFigures, 'rows'> & { rows: ColumnTable };
}

/** The figures to post, and the buffers to hand over with them (`postMessage(figures, transfer)`). */
export function packFigures(figures: Figures): { figures: PackedFigures; transfer: ArrayBuffer[] } {
  const obligations = toColumns(figures.obligations, OBLIGATION);
  const cases = toColumns(figures.cases, CASE);
  const rows = toColumns(figures.registrations.rows, REGISTRATION);
  return {
    figures: { ...figures, obligations: obligations.table, cases: cases.table, registrations: { ...figures.registrations, rows: rows.table } },
    transfer: [...obligations.transfer, ...cases.transfer, ...rows.transfer],
  };
}

/** The figures back from what the worker posted, the long lists built a slice at a time. */
export async function unpackFigures(packed: PackedFigures, options: { slice?: number; pause?: Pause } = {}): Promise<Figures> {
  const obligations = await fromColumns(packed.obligations, OBLIGATION, options);
  const cases = await fromColumns(packed.cases, CASE, options);
  const rows = await fromColumns(packed.registrations.rows, REGISTRATION, options);
  return { ...packed, obligations, cases, registrations: { ...packed.registrations, rows } };
}
