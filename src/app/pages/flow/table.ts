import type { Cell } from '../../../domain/export/csv.ts';
import type { CfdPoint } from '../../../domain/types.ts';
import { BANDS_TOP_DOWN, bandName } from './bands.ts';
import { m } from './messages.ts';

/* The flow as a table and as CSV: the same columns in the same order. */

/** Created, the bands top to bottom, then due so far. */
export function tableColumns(): string[] {
  return [m('line.created'), ...BANDS_TOP_DOWN.map(bandName), m('line.due')];
}

export function tableRow(p: CfdPoint, due: number | undefined): number[] {
  return [p.created, ...BANDS_TOP_DOWN.map((b) => p[b]), due ?? 0];
}

/** CSV of several named flows: one row per unit and date, ISO dates. */
export function flowCsv(flows: readonly { name: string; points: readonly CfdPoint[]; due: readonly number[] }[]): { header: string[]; rows: Cell[][] } {
  return {
    header: [m('table.unit'), m('table.date'), ...tableColumns()],
    rows: flows.flatMap((f) => f.points.map((p, i) => [f.name, p.date, ...tableRow(p, f.due[i])])),
  };
}
