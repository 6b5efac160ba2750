import type { Cell } from '../export/csv.ts';
import { dayNumber } from '../calendar.ts';
import type { IsoDate, Obligation } from '../types.ts';
import type { PlanningWeek, Simulation } from './simulate.ts';
import { byText, danishOrder } from '../collate.ts';
import { orderByRanks, ranked } from '../ranks.ts';

/*
 * The plan as a team leader acts on it: per caseworker and week, which
 * follow-ups to start. Rows for a table, a print-out and a CSV.
 */

export interface PlanRow {
  unit: string;
  caseworker: string;
  /** The week to do it in. */
  week: PlanningWeek;
  caseId: string;
  measureId: string;
  measureType: string;
  due: IsoDate;
  /** An overdue follow-up, caught up in `week` (SPEC §7.1), and how many days it was overdue at the as-of date. */
  overdue: boolean;
  daysOverdue: number;
  /** Weeks before its due week (0 for an overdue one). */
  weeksEarly: number;
}

/**
 * The planned follow-ups of weeks `from`…`to` (indices into the 26), by
 * unit and caseworker (Danish order); each caseworker's overdue ones
 * first, oldest first, then the rest by week, due date and case.
 */
export function planRows(sim: Simulation, asOf: IsoDate, from = 0, to = sim.weeks.length - 1): PlanRow[] {
  const rows: PlanRow[] = [];
  const today = dayNumber(asOf);
  const row = (o: Obligation, w: number, overdue: boolean, weeksEarly: number): PlanRow => ({
    unit: o.unit,
    caseworker: o.caseworker,
    week: sim.weeks[w]!,
    caseId: o.caseId,
    measureId: o.measureId,
    measureType: o.measureType,
    due: o.due,
    overdue,
    daysOverdue: overdue ? today - dayNumber(o.due) : 0,
    weeksEarly,
  });
  for (const u of sim.units) {
    u.backlog.forEach((o, i) => {
      const w = u.catchUpWeek[i]!;
      if (w >= from && w <= to) rows.push(row(o, w, true, 0));
    });
    u.plan.forEach((w, i) => {
      if (w >= from && w <= to) rows.push(row(u.jobs[i]!, w, false, u.dueWeek[i]! - w));
    });
  }
  // Units, caseworkers and due dates compared once each, as ranks: a plan of a national export has 100,000s of rows
  // and a few hundred names and dates.
  const weekAt = new Map(sim.weeks.map((w, i) => [w, i]));
  const order = orderByRanks(
    rows.length,
    [
      ranked(rows, (r) => r.unit, danishOrder),
      ranked(rows, (r) => r.caseworker, danishOrder),
      { of: rows.map((r) => (r.overdue ? 0 : 1)), count: 2 },
      { of: rows.map((r) => weekAt.get(r.week)!), count: sim.weeks.length },
      ranked(rows, (r) => r.due, byText),
    ],
    (i, j) => danishOrder(rows[i]!.caseId, rows[j]!.caseId),
  );
  return Array.from(order, (i) => rows[i]!);
}

/** The cells of a plan CSV, in the order unit, caseworker, week, week starts, case, measure, type, due, days overdue (empty when not), weeks early. */
export function planCells(rows: readonly PlanRow[]): Cell[][] {
  return rows.map((r) => [r.unit, r.caseworker, r.week.key, r.week.monday, r.caseId, r.measureId, r.measureType, r.due, r.overdue ? r.daysOverdue : null, r.weeksEarly]);
}

/** Plan rows grouped by unit and caseworker, in order. */
export function byCaseworker(rows: readonly PlanRow[]): { key: string; unit: string; caseworker: string; rows: PlanRow[] }[] {
  const groups: { key: string; unit: string; caseworker: string; rows: PlanRow[] }[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last.unit === r.unit && last.caseworker === r.caseworker) last.rows.push(r);
    else groups.push({ key: `${r.unit}\u0000${r.caseworker}`, unit: r.unit, caseworker: r.caseworker, rows: [r] });
  }
  return groups;
}
