import type { CrossTab, CrossTabCell } from '../../../domain/aggregate/crosstab.ts';
import { STATUSES, type Analysis, type Obligation, type ObligationStatus } from '../../../domain/types.ts';
import { locale } from '../../state/locale.svelte.ts';
import type { UrlState } from '../../state/url.svelte.ts';
import type { HeatmapFormats } from './format.ts';
import { m } from './messages.ts';

/** What each part of the workload page is given: the export, its obligations of the chosen types, the address, the formats. */
export interface SectionProps {
  analysis: Analysis;
  /** Already filtered by measure type. */
  obligations: readonly Obligation[];
  /** Every obligation, whatever its type, and the types chosen (none: all): a heatmap counts each type once and sums the chosen. */
  all: readonly Obligation[];
  types: readonly string[];
  url: UrlState;
  formats: HeatmapFormats;
}

/** Everything one heatmap draws, already derived: the page builds it, the card and its parts only show it. */
export interface HeatmapSpec {
  tab: CrossTab;
  /** A cell's number: its count, or its load per FTE. */
  value: (cell: CrossTabCell) => number;
  max: number;
  perFte: boolean;
  format: (value: number) => string;
  count: (n: number) => string;
  rowLabel: (row: string) => string;
  /** A column named alone: in a cell's name, its tooltip, the list of its follow-ups. */
  colLabel: (col: string) => string;
  /** A column's header in the table, where it differs from `colLabel` (a week with its Monday). */
  colHeader?: (col: string) => string;
  /** A column's header in the CSV download; the column's key (`2025-06`) when not given. */
  csvHeader?: (col: string) => string;
  colTick: (col: string) => string;
  /** A second line under each tick (a week's Monday). */
  colNote?: (col: string) => string;
  axis: { row: string; col: string };
  /** The as-of column, and the forecast columns after it. */
  now: string;
  forecast: ReadonlySet<string>;
  capacity: number | null;
  /** Cells to outline instead of those above the capacity (overdue work, say). */
  outlined?: (cell: CrossTabCell) => boolean;
  /** A cell's first words, where they are not "n follow-ups due" (the levelling plan's "planned"). */
  name?: (cell: CrossTabCell) => string;
}

/**
 * A heatmap of plain counts: no load per FTE, no forecast, numbers in the
 * page's locale (the levelling plan, the technical follow-ups).
 * @example countSpec(tab, { colLabel, colTick: colLabel, axis, now: '2025-06', name })
 */
export function countSpec(
  tab: CrossTab,
  parts: Pick<HeatmapSpec, 'colLabel' | 'colTick' | 'axis' | 'now' | 'name'> & Partial<Pick<HeatmapSpec, 'capacity' | 'colHeader' | 'colNote'>>,
): HeatmapSpec {
  return {
    tab,
    value: (c) => c.total,
    max: tab.max,
    perFte: false,
    format: locale.formatNumber,
    count: locale.formatNumber,
    rowLabel: (row) => row,
    forecast: new Set<string>(),
    capacity: null,
    ...parts,
  };
}

/** A cell's accessible name: where, how many, and whether it is forecast or above capacity. */
export function describeCell(spec: HeatmapSpec, cell: CrossTabCell): string {
  const where = { row: spec.rowLabel(cell.row), col: spec.colLabel(cell.col), n: spec.count(cell.total) };
  const one = cell.total === 1;
  const parts = [
    spec.name
      ? spec.name(cell)
      : spec.perFte
        ? m(one ? 'cell.onePerFte' : 'cell.perFte', { ...where, load: spec.format(spec.value(cell)) })
        : m(one ? 'cell.one' : 'cell.count', where),
  ];
  if (spec.forecast.has(cell.col)) parts.push(m('cell.forecast'));
  if (spec.capacity !== null && spec.value(cell) > spec.capacity) parts.push(m('cell.over'));
  return parts.join(', ');
}

/** The tooltip: where, the total, the load, and every status the cell has. */
export function tooltipLines(spec: HeatmapSpec, cell: CrossTabCell, statuses: Record<ObligationStatus, string>): string[] {
  const lines = [`${spec.rowLabel(cell.row)}, ${spec.colLabel(cell.col)}`, m('tip.total', { n: spec.count(cell.total) })];
  if (spec.perFte) lines.push(m('tip.perFte', { load: spec.format(spec.value(cell)) }));
  for (const s of STATUSES) if (cell.byStatus[s] > 0) lines.push(`${statuses[s]}: ${spec.count(cell.byStatus[s])}`);
  return lines;
}
