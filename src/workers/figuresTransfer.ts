import type { Figures } from '../domain/analyze.ts';
import type { Registration, RegistrationFigures } from '../domain/aggregate/registrations.ts';
import type { CaseHolder } from '../domain/balance/cases.ts';
import type { Prepared, UnitJobs } from '../domain/levelling/index.ts';
import type { Obligation } from '../domain/types.ts';
import { fromColumns, nextTask, toColumns, type ColumnTable, type Schema, type Unpacking } from './columns.ts';

/*
 * The figures as the analysis worker posts them: the three lists that grow
 * with the export (every obligation, every registration, every case) as
 * columns of transferable arrays (columns.ts); the levelling's jobs and
 * backlog (for this catch-up and for what no catch-up moves) as indices
 * into the obligations, with its typed arrays
 * transferred; the rest as it is: sums per unit and month, a few thousand
 * values at most.
 */

const OBLIGATION: Schema<Obligation> = {
  measureKey: 'text', caseId: 'text', measureId: 'text', measureType: 'text', seq: 'number', created: 'text',
  due: 'text', completed: 'text', status: 'text', measureEnd: 'text', unit: 'text', caseworker: 'text',
};
const REGISTRATION: Schema<Registration> = { line: 'number', unit: 'text', caseId: 'text', measureId: 'text', caseworker: 'text', event: 'text', date: 'text' };
const CASE: Schema<CaseHolder> = { caseId: 'text', unit: 'text', caseworker: 'text', measureTypes: 'texts' };

/** A unit's jobs and backlog as the obligations' indices. */
type PackedUnit = Omit<UnitJobs, 'jobs' | 'backlog'> & { jobs: Int32Array; backlog: Int32Array };

type PackedPrepared = Omit<Prepared, 'units'> & { units: PackedUnit[] };

export interface PackedFigures extends Omit<Figures, 'obligations' | 'cases' | 'registrations' | 'prepared' | 'fixed'> {
  obligations: ColumnTable;
  cases: ColumnTable;
  registrations: Omit<RegistrationFigures, 'rows'> & { rows: ColumnTable };
  prepared: PackedPrepared;
  fixed: Omit<Figures['fixed'], 'prepared'> & { prepared: PackedPrepared };
}

function packPrepared(prepared: Prepared, at: ReadonlyMap<Obligation, number>, transfer: ArrayBuffer[]): PackedPrepared {
  const indices = (list: readonly Obligation[]) => Int32Array.from(list, (o) => at.get(o)!);
  // Copies (one memcpy each): a transfer empties the arrays it moves, and the figures packed stay whole.
  const units = prepared.units.map(
    (u): PackedUnit => ({ ...u, jobs: indices(u.jobs), backlog: indices(u.backlog), dueWeek: u.dueWeek.slice(), projected: u.projected.slice(), worker: u.worker.slice(), backlogWorker: u.backlogWorker.slice() }),
  );
  for (const u of units) transfer.push(...[u.jobs, u.backlog, u.dueWeek, u.projected, u.worker, u.backlogWorker].map((a) => a.buffer as ArrayBuffer));
  return { ...prepared, units };
}

/** The figures to post, and the buffers to hand over with them (`postMessage(figures, transfer)`). */
export function packFigures(figures: Figures): { figures: PackedFigures; transfer: ArrayBuffer[] } {
  const obligations = toColumns(figures.obligations, OBLIGATION);
  const cases = toColumns(figures.cases, CASE);
  const rows = toColumns(figures.registrations.rows, REGISTRATION);
  const transfer = [...obligations.transfer, ...cases.transfer, ...rows.transfer];
  const at = new Map(figures.obligations.map((o, i) => [o, i]));
  const prepared = packPrepared(figures.prepared, at, transfer);
  const fixed = { ...figures.fixed, prepared: packPrepared(figures.fixed.prepared, at, transfer) };
  return {
    figures: { ...figures, obligations: obligations.table, cases: cases.table, registrations: { ...figures.registrations, rows: rows.table }, prepared, fixed },
    transfer,
  };
}

/**
 * The figures back from what the worker posted, the long lists built a
 * slice at a time; `onProgress` is told the fraction of their rows built.
 */
export async function unpackFigures(
  packed: PackedFigures,
  { onProgress, ...options }: Omit<Unpacking, 'built'> & { onProgress?: (fraction: number) => void } = {},
): Promise<Figures> {
  const total = packed.obligations.length + packed.cases.length + packed.registrations.rows.length;
  let done = 0;
  const built = (rows: number) => (done += rows) < total && onProgress?.(done / total);
  // The message's own task has rebuilt what is not columns: the first slice waits for the next.
  await (options.pause ?? nextTask)();
  const obligations = await fromColumns(packed.obligations, OBLIGATION, { ...options, built });
  const cases = await fromColumns(packed.cases, CASE, { ...options, built });
  const rows = await fromColumns(packed.registrations.rows, REGISTRATION, { ...options, built });
  const unpacked = (prepared: PackedPrepared): Prepared => ({
    ...prepared,
    units: prepared.units.map((u): UnitJobs => ({ ...u, jobs: Array.from(u.jobs, (i) => obligations[i]!), backlog: Array.from(u.backlog, (i) => obligations[i]!) })),
  });
  onProgress?.(1);
  return {
    ...packed,
    obligations,
    cases,
    registrations: { ...packed.registrations, rows },
    prepared: unpacked(packed.prepared),
    fixed: { ...packed.fixed, prepared: unpacked(packed.fixed.prepared) },
  };
}
