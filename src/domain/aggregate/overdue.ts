import { dayNumber, monthOf } from '../calendar.ts';
import { byText, caseworkerOrder } from '../collate.ts';
import type { IsoDate, MonthLabel, Obligation, WeekLabel } from '../types.ts';
import { weeksAround } from './heatmaps.ts';
import type { OverdueOrder } from './overdueOrders.ts';

/*
 * Every overdue follow-up, however old, with who holds it: the heatmaps
 * show only those due in their months (12 back) or weeks (26 back), so the
 * oldest, the ones that most need someone, would be out of reach.
 */

export { OVERDUE_ORDERS, type OverdueOrder } from './overdueOrders.ts';

/** One overdue follow-up, ready to show. */
export interface OverdueRow {
  /** The measure's key: a measure has at most one overdue follow-up (its chain waits on it). */
  key: string;
  caseId: string;
  measureId: string;
  measureType: string;
  unit: string;
  /** Who holds it (SPEC §5.6); '' when the export names nobody. */
  caseworker: string;
  due: IsoDate;
  /** Days from the due date to the as-of date, at least 1. */
  daysOverdue: number;
}

/** Oldest first; ties by case and measure id, compared as strings (as SPEC §7.1 orders a backlog). */
const oldest = (a: OverdueRow, b: OverdueRow): number => byText(a.due, b.due) || byText(a.caseId, b.caseId) || byText(a.measureId, b.measureId);

const ORDERS: Record<OverdueOrder, (a: OverdueRow, b: OverdueRow) => number> = {
  oldest,
  newest: (a, b) => -oldest(a, b),
  // Danish order of names; the follow-ups nobody holds last, where they are easy to find as a group.
  caseworker: (a, b) => caseworkerOrder(a.caseworker, b.caseworker) || oldest(a, b),
};

/**
 * The overdue follow-ups of one unit (all units when `unit` is null), in the order asked.
 * @example overdueRows(obligations, '2025-06-30', { unit: 'Amager' })[0].daysOverdue // the oldest's days overdue
 */
export function overdueRows(
  obligations: readonly Obligation[],
  asOf: IsoDate,
  { unit = null, order = 'oldest' }: { unit?: string | null; order?: OverdueOrder } = {},
): OverdueRow[] {
  const today = dayNumber(asOf);
  const rows: OverdueRow[] = [];
  for (const o of obligations) {
    if (o.status !== 'overdue' || (unit !== null && o.unit !== unit)) continue;
    const { measureKey: key, caseId, measureId, measureType, caseworker, due } = o;
    rows.push({ key, caseId, measureId, measureType, unit: o.homeUnit ?? o.unit, caseworker, due, daysOverdue: today - dayNumber(due) });
  }
  return rows.sort(ORDERS[order]);
}

/** How many rows a heatmap leaves out, being due before its first column (`from`). */
export interface Outside<Col extends string> {
  count: number;
  from: Col;
}

/**
 * How many of the rows each heatmap leaves out because they are due before
 * its first column: the unit × month one starts at the figures' first month,
 * the caseworker × week one 26 weeks before the as-of week.
 * @example outsideHeatmaps(rows, analysis.months, '2025-06-30').week // { count: 12, from: '2025-W01' }
 */
export function outsideHeatmaps(
  rows: readonly OverdueRow[],
  months: readonly MonthLabel[],
  asOf: IsoDate,
): { month: Outside<MonthLabel>; week: Outside<WeekLabel> } {
  const firstMonth = months[0] ?? monthOf(asOf);
  const firstWeek = weeksAround(asOf)[0]!;
  let month = 0;
  let week = 0;
  for (const r of rows) {
    if (monthOf(r.due) < firstMonth) month++;
    if (r.due < firstWeek.monday) week++;
  }
  return { month: { count: month, from: firstMonth }, week: { count: week, from: firstWeek.label } };
}
