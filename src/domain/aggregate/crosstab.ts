import { STATUSES, type Obligation, type StatusCounts } from '../types.ts';
import { emptyStatus } from './status.ts';

/*
 * A heatmap's data: obligations counted by a row key (unit, caseworker) and
 * a column key (month, week), with the split by status behind each count.
 */

export interface CrossTabCell {
  row: string;
  col: string;
  total: number;
  byStatus: StatusCounts;
}

export interface CrossTab {
  rows: string[];
  cols: string[];
  /** cells[r][c], aligned with rows and cols. */
  cells: CrossTabCell[][];
  /** The largest total of any cell (0 when empty). */
  max: number;
}

/**
 * Counts obligations into a rows × cols grid; obligations whose row or
 * column key is not in the grid are left out.
 * @example crossTab(obligations, ['Amager'], ['2025-01'], (o) => o.unit, (o) => o.due.slice(0, 7)).cells[0][0].total
 */
export function crossTab(
  obligations: Iterable<Obligation>,
  rows: readonly string[],
  cols: readonly string[],
  rowOf: (o: Obligation) => string,
  colOf: (o: Obligation) => string,
): CrossTab {
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  const cells = rows.map((row) => cols.map((col) => ({ row, col, total: 0, byStatus: emptyStatus() })));
  let max = 0;
  for (const o of obligations) {
    const r = rowIndex.get(rowOf(o));
    const c = colIndex.get(colOf(o));
    if (r === undefined || c === undefined) continue;
    const cell = cells[r]![c]!;
    cell.total++;
    cell.byStatus[o.status]++;
    if (cell.total > max) max = cell.total;
  }
  return { rows: [...rows], cols: [...cols], cells, max };
}

/** The obligations behind one cell, in due order. */
export function cellObligations(
  obligations: Iterable<Obligation>,
  row: string,
  col: string,
  rowOf: (o: Obligation) => string,
  colOf: (o: Obligation) => string,
): Obligation[] {
  const out: Obligation[] = [];
  for (const o of obligations) if (rowOf(o) === row && colOf(o) === col) out.push(o);
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseId < b.caseId ? -1 : 1));
}

/** Sums a cross-tab's rows per column. @example columnTotals(tab)[0] */
export function columnTotals(tab: CrossTab): number[] {
  return tab.cols.map((_, c) => tab.rows.reduce((s, _r, r) => s + tab.cells[r]![c]!.total, 0));
}

export { STATUSES };

/**
 * A cross-tab per measure type: a choice of types then sums a few small
 * tabs instead of counting every obligation again, so ticking a type costs
 * the same at a million rows as at a thousand.
 */
export interface TabsByType {
  rows: string[];
  cols: string[];
  byType: ReadonlyMap<string, CrossTab>;
}

/** @example tabOfTypes(tabsByType(obligations, units, months, (o) => o.unit, (o) => monthOf(o.due)), ['Familiebehandling']) */
export function tabsByType(
  obligations: Iterable<Obligation>,
  rows: readonly string[],
  cols: readonly string[],
  rowOf: (o: Obligation) => string,
  colOf: (o: Obligation) => string,
): TabsByType {
  const groups = new Map<string, Obligation[]>();
  for (const o of obligations) {
    const group = groups.get(o.measureType);
    if (group) group.push(o);
    else groups.set(o.measureType, [o]);
  }
  const byType = new Map([...groups].map(([type, group]) => [type, crossTab(group, rows, cols, rowOf, colOf)] as const));
  return { rows: [...rows], cols: [...cols], byType };
}

/**
 * The cross-tab of the obligations of the given types (all when none are
 * given), as `crossTab` of those obligations would count it. `dropEmptyRows`
 * leaves out the rows with nothing of those types.
 */
export function tabOfTypes(tabs: TabsByType, types: readonly string[], { dropEmptyRows = false } = {}): CrossTab {
  const chosen = types.length === 0 ? [...tabs.byType.values()] : types.flatMap((t) => tabs.byType.get(t) ?? []);
  const cells = tabs.rows.map((row, r) =>
    tabs.cols.map((col, c) => {
      const byStatus = emptyStatus();
      let total = 0;
      for (const tab of chosen) {
        const cell = tab.cells[r]![c]!;
        if (cell.total === 0) continue;
        total += cell.total;
        for (const s of STATUSES) byStatus[s] += cell.byStatus[s];
      }
      return { row, col, total, byStatus };
    }),
  );
  const keep = dropEmptyRows ? tabs.rows.map((_, r) => cells[r]!.some((cell) => cell.total > 0)) : tabs.rows.map(() => true);
  let max = 0;
  for (const row of cells) for (const cell of row) if (cell.total > max) max = cell.total;
  return { rows: tabs.rows.filter((_, r) => keep[r]), cols: [...tabs.cols], cells: cells.filter((_, r) => keep[r]), max };
}
