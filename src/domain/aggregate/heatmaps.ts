import { addDays, isoWeekOf, monthOf, startOfIsoWeek } from '../calendar.ts';
import type { IsoDate, MonthLabel, Obligation, WeekLabel } from '../types.ts';
import { cellObligations, crossTab, tabOfTypes, tabsByType, type CrossTab, type CrossTabCell, type TabsByType } from './crosstab.ts';
import { danishOrder } from '../collate.ts';

/*
 * The two workload heatmaps (issue: workload heatmaps): unit × month over
 * the figure months, and caseworker × ISO week within one unit.
 */

/** Keeps obligations of the given measure types (all when the list is empty). */
export function ofTypes(obligations: readonly Obligation[], types: readonly string[]): readonly Obligation[] {
  if (types.length === 0) return obligations;
  const keep = new Set(types);
  return obligations.filter((o) => keep.has(o.measureType));
}

/** @example unitMonthTab(obligations, ['Amager'], ['2025-01']).cells[0][0].total */
export function unitMonthTab(obligations: readonly Obligation[], units: readonly string[], months: readonly MonthLabel[]): CrossTab {
  return crossTab(obligations, units, months, (o) => o.unit, (o) => monthOf(o.due));
}

/** The ISO weeks from `back` weeks before the as-of week to `ahead − 1` weeks after it. */
export function weeksAround(asOf: IsoDate, back = 26, ahead = 26): { label: WeekLabel; monday: IsoDate }[] {
  const monday = startOfIsoWeek(asOf);
  return Array.from({ length: back + ahead }, (_, i) => {
    const d = addDays(monday, (i - back) * 7);
    return { label: isoWeekOf(d), monday: d };
  });
}

/**
 * Caseworker × ISO week for one unit: the 26 weeks before the as-of week
 * and the 26 from it. Caseworkers are those with an obligation in range.
 */
export function caseworkerWeekTab(obligations: readonly Obligation[], unit: string, asOf: IsoDate): CrossTab {
  return tabOfTypes(caseworkerWeekTabs(obligations, unit, asOf), []);
}

/**
 * The caseworker × week tab of a unit per measure type; `tabOfTypes(…,
 * types, { dropEmptyRows: true })` gives `caseworkerWeekTab` of those types.
 */
export function caseworkerWeekTabs(obligations: readonly Obligation[], unit: string, asOf: IsoDate): TabsByType {
  const weeks = weeksAround(asOf).map((w) => w.label);
  const inWeeks = new Set(weeks);
  const weekOf = new Map<IsoDate, WeekLabel>();
  const week = (o: Obligation) => weekOf.get(o.due) ?? weekOf.set(o.due, isoWeekOf(o.due)).get(o.due)!;
  const mine = obligations.filter((o) => o.unit === unit && inWeeks.has(week(o)));
  const workers = [...new Set(mine.map((o) => o.caseworker))].sort(danishOrder);
  return tabsByType(mine, workers, weeks, (o) => o.caseworker, week);
}

/** The unit × month tab per measure type; `tabOfTypes(…, types)` gives `unitMonthTab` of those types. */
export function unitMonthTabs(obligations: readonly Obligation[], units: readonly string[], months: readonly MonthLabel[]): TabsByType {
  return tabsByType(obligations, units, months, (o) => o.unit, (o) => monthOf(o.due));
}

export { tabOfTypes, type TabsByType };

/** Measure types present, sorted. */
export function measureTypes(obligations: readonly Obligation[]): string[] {
  return [...new Set(obligations.map((o) => o.measureType))].filter(Boolean).sort(danishOrder);
}

/** Load per full-time caseworker; null where the unit's FTE is unknown or zero. */
export function perFte(count: number, fte: number | undefined): number | null {
  return fte && fte > 0 ? count / fte : null;
}

/**
 * The columns after `now` (months `YYYY-MM` or weeks `YYYY-Www`, which sort
 * as strings): the forecast, drawn hatched. Projected obligations are only
 * ever due after the as-of month (the earliest is an interval after the
 * as-of date), so every cell that holds one lies in such a column.
 * @example forecastCols(['2025-05', '2025-06', '2025-07'], '2025-06') // Set { '2025-07' }
 */
export function forecastCols(cols: readonly string[], now: string): Set<string> {
  return new Set(cols.filter((c) => c > now));
}

/**
 * What a heatmap's cells show: the count, or the load per full-time
 * caseworker (count ÷ the row's FTE). Load is shown only when every row has
 * an FTE above zero, so one colour scale never mixes counts and loads.
 * @example cellValues(tab, { Amager: 4 }).perFte
 */
export function cellValues(
  tab: CrossTab,
  fte: Readonly<Record<string, number>> = {},
): { perFte: boolean; missing: string[]; value: (cell: CrossTabCell) => number; max: number } {
  const missing = tab.rows.filter((r) => perFte(1, fte[r]) === null);
  if (missing.length > 0 || tab.rows.length === 0) {
    return { perFte: false, missing, value: (cell) => cell.total, max: tab.max };
  }
  const value = (cell: CrossTabCell) => cell.total / fte[cell.row]!;
  let max = 0;
  for (const row of tab.cells) for (const cell of row) max = Math.max(max, value(cell));
  return { perFte: true, missing, value, max };
}

/** The cells with any obligation, row by row: the status split as a long table. */
export function nonEmptyCells(tab: CrossTab): CrossTabCell[] {
  return tab.cells.flatMap((row) => row.filter((cell) => cell.total > 0));
}

/** The obligations behind one unit × month cell, in due order. */
export function unitMonthObligations(obligations: readonly Obligation[], unit: string, month: MonthLabel): Obligation[] {
  return cellObligations(obligations, unit, month, (o) => o.unit, (o) => monthOf(o.due));
}

/** The obligations behind one caseworker × week cell of a unit, in due order. */
export function caseworkerWeekObligations(
  obligations: readonly Obligation[],
  unit: string,
  caseworker: string,
  week: WeekLabel,
): Obligation[] {
  return cellObligations(obligations, caseworker, week, (o) => (o.unit === unit ? o.caseworker : '\u0000'), (o) => isoWeekOf(o.due));
}
