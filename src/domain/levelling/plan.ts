import type { Cell } from '../export/csv.ts';
import { dayNumber } from '../calendar.ts';
import type { IsoDate, Obligation } from '../types.ts';
import type { PlanningWeek, Simulation } from './simulate.ts';
import { byText, danishOrder } from '../collate.ts';
import { orderByRanks, pairRank, ranked } from '../ranks.ts';

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

/** A caseworker's follow-ups in a plan: its rows `from`…`to - 1`. */
export interface PlanGroup {
  key: string;
  unit: string;
  caseworker: string;
  from: number;
  to: number;
}

/**
 * The plan's rows in order, each made when first read, and each
 * caseworker's run of them: a plan of a national export has 100,000s of
 * rows, made again at every change of a control, and a screen shows forty.
 */
export interface PlanList {
  readonly length: number;
  at(k: number): PlanRow;
  groups: PlanGroup[];
}

/**
 * The planned follow-ups of weeks `from`…`to` (indices into the 26), by
 * unit and caseworker (Danish order); each caseworker's overdue ones
 * first, oldest first, then the rest by week, due date and case. Names
 * Danish order holds equal are ordered by their code units.
 */
export function planList(sim: Simulation, asOf: IsoDate, from = 0, to = sim.weeks.length - 1): PlanList {
  // The follow-ups as columns: obligations come in several shapes (projected, caught up, summed under a unit),
  // and reading their fields in a sort's every comparison would be slow.
  const picked: Obligation[] = [];
  const [unit, caseworker, due, caseId]: [string[], string[], string[], string[]] = [[], [], [], []];
  const week: number[] = [];
  /** 0 for an overdue follow-up (first), 1 for the rest. */
  const late: number[] = [];
  const early: number[] = [];
  const pick = (o: Obligation, w: number, overdue: boolean, weeksEarly: number) => {
    picked.push(o);
    unit.push(o.unit);
    caseworker.push(o.caseworker);
    due.push(o.due);
    caseId.push(o.caseId);
    week.push(w);
    late.push(overdue ? 0 : 1);
    early.push(weeksEarly);
  };
  for (const u of sim.units) {
    u.backlog.forEach((o, i) => {
      const w = u.catchUpWeek[i]!;
      if (w >= from && w <= to) pick(o, w, true, 0);
    });
    u.plan.forEach((w, i) => {
      if (w >= from && w <= to) pick(u.jobs[i]!, w, false, u.dueWeek[i]! - w);
    });
  }
  // Units, caseworkers and due dates compared once each, as ranks: a few hundred names and dates. Names Danish
  // order holds equal (Team 01 and Team 1) stay apart, by their code units, so a caseworker's rows stay together.
  const text = (s: string) => s;
  const names = (a: string, b: string) => danishOrder(a, b) || byText(a, b);
  const order = orderByRanks(
    picked.length,
    [
      pairRank(ranked(unit, text, names), ranked(caseworker, text, names)),
      { of: late, count: 2 },
      { of: week, count: sim.weeks.length },
      ranked(due, text, byText),
    ],
    (i, j) => danishOrder(caseId[i]!, caseId[j]!),
  );
  const groups: PlanGroup[] = [];
  order.forEach((i, k) => {
    const last = groups[groups.length - 1];
    if (last && last.unit === unit[i] && last.caseworker === caseworker[i]) last.to = k + 1;
    else groups.push({ key: `${unit[i]}\u0000${caseworker[i]}`, unit: unit[i]!, caseworker: caseworker[i]!, from: k, to: k + 1 });
  });
  const today = dayNumber(asOf);
  const made: PlanRow[] = [];
  const row = (k: number): PlanRow => {
    const i = order[k]!;
    const o = picked[i]!;
    const overdue = late[i] === 0;
    return {
      unit: o.unit,
      caseworker: o.caseworker,
      week: sim.weeks[week[i]!]!,
      caseId: o.caseId,
      measureId: o.measureId,
      measureType: o.measureType,
      due: o.due,
      overdue,
      daysOverdue: overdue ? today - dayNumber(o.due) : 0,
      weeksEarly: early[i]!,
    };
  };
  return {
    length: order.length,
    at: (k) => {
      if (!Number.isInteger(k) || k < 0 || k >= order.length) throw new RangeError(`no row ${k} in a plan of ${order.length}`);
      return (made[k] ??= row(k));
    },
    groups,
  };
}

/** A line of a plan's list: a caseworker's heading, or one of its rows. */
export type PlanLine = { group: PlanGroup } | { row: PlanRow };

/**
 * A plan's list as lines, each caseworker's heading before its rows, a
 * line made when it is read (a scrolled table reads the forty it draws).
 * @example planLines(list).at(0) // { group: { caseworker: 'Bo', … } }
 */
export function planLines(list: PlanList): { readonly length: number; at(i: number): PlanLine } {
  const { groups } = list;
  // Group g's heading is line g + groups[g].from, its rows the lines after it.
  const headingAt = (g: number) => g + groups[g]!.from;
  return {
    length: list.length + groups.length,
    at(i) {
      if (!Number.isInteger(i) || i < 0 || i >= list.length + groups.length) throw new RangeError(`no line ${i} in a plan of ${list.length + groups.length}`);
      let [lo, hi] = [0, groups.length - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (headingAt(mid) <= i) lo = mid;
        else hi = mid - 1;
      }
      const g = groups[lo]!;
      return i === headingAt(lo) ? { group: g } : { row: list.at(g.from + i - headingAt(lo) - 1) };
    },
  };
}

/** Every row of `planList`, in its order. */
export function planRows(sim: Simulation, asOf: IsoDate, from?: number, to?: number): PlanRow[] {
  return rowsOf(planList(sim, asOf, from, to));
}

/** Rows `from`…`to - 1` of a plan list (all of them when left out). */
export function rowsOf(list: PlanList, from = 0, to = list.length): PlanRow[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => list.at(from + k));
}

/** The cells of a plan CSV, in the order unit, caseworker, week, week starts, case, measure, type, due, days overdue (empty when not), weeks early. */
export function planCells(rows: readonly PlanRow[]): Cell[][] {
  return rows.map((r) => [r.unit, r.caseworker, r.week.key, r.week.monday, r.caseId, r.measureId, r.measureType, r.due, r.overdue ? r.daysOverdue : null, r.weeksEarly]);
}
