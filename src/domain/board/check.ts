import { addDays, isoWeekOf } from '../calendar.ts';
import type { PlanningWeek } from '../levelling/simulate.ts';
import type { PlanningRange } from '../range.ts';
import type { Obligation } from '../types.ts';
import { caseworkerOrder } from '../collate.ts';

/*
 * The "check" of plan–do–check–act: for the weeks before w0 (over by the
 * time the plan starts), per caseworker, the follow-ups that were due in
 * the week, those done in it (whenever they were due: work done early and
 * backlog caught up count where they were done), and of the due ones,
 * those still open at the as-of date.
 */

export const MAX_CHECK_WEEKS = 8;

export interface WeekCheck {
  due: number;
  done: number;
  open: number;
}

export interface CheckRow {
  /** The caseworker ('' for follow-ups with none); in `checksByUnit`, the unit. */
  name: string;
  weeks: WeekCheck[];
  total: WeekCheck;
}

export interface Check {
  unit: string;
  /** The weeks checked, oldest first; the last is the week before w0. */
  weeks: PlanningWeek[];
  rows: CheckRow[];
  totals: WeekCheck[];
  total: WeekCheck;
}

/** The `n` weeks before w0, oldest first. @example pastWeeks(planningRange('2026-10-31'), 1) // [{ key: '2026-W44', monday: '2026-10-26' }] */
export function pastWeeks(range: Pick<PlanningRange, 'first'>, n: number): PlanningWeek[] {
  return Array.from({ length: n }, (_, i) => {
    const monday = addDays(range.first, -7 * (n - i));
    return { key: isoWeekOf(monday), monday };
  });
}

const zero = (): WeekCheck => ({ due: 0, done: 0, open: 0 });
const isDone = (o: Obligation) => o.status === 'done_on_time' || o.status === 'done_late';
const isOpen = (o: Obligation) => o.status === 'overdue' || o.status === 'upcoming';

/**
 * The weeks before w0 against what was due in them, for one unit. Each
 * follow-up counts for the caseworker it belongs to (SPEC §5.6); measure
 * types as on the board (none means all).
 */
export function checkWeeks(obligations: readonly Obligation[], unit: string, range: Pick<PlanningRange, 'first'>, n: number, types: readonly string[] = []): Check {
  const weeks = pastWeeks(range, Math.min(MAX_CHECK_WEEKS, Math.max(1, Math.round(n))));
  const start = weeks[0]!.monday;
  const end = range.first; // exclusive
  const keep = types.length > 0 ? new Set(types) : null;
  /** Week index of a date inside the checked weeks, else -1; ISO dates compare as strings. */
  const weekOf = (d: string | null): number => {
    if (d === null || d < start || d >= end) return -1;
    let w = weeks.length - 1;
    while (weeks[w]!.monday > d) w--;
    return w;
  };
  const rows = new Map<string, CheckRow>();
  const rowOf = (caseworker: string) => {
    let row = rows.get(caseworker);
    if (!row) rows.set(caseworker, (row = { name: caseworker, weeks: weeks.map(zero), total: zero() }));
    return row;
  };
  for (const o of obligations) {
    if (o.unit !== unit || (keep && !keep.has(o.measureType))) continue;
    const dueIn = weekOf(o.due);
    const doneIn = isDone(o) ? weekOf(o.completed) : -1;
    if (dueIn < 0 && doneIn < 0) continue;
    const row = rowOf(o.caseworker);
    if (dueIn >= 0) {
      row.weeks[dueIn]!.due++;
      if (isOpen(o)) row.weeks[dueIn]!.open++;
    }
    if (doneIn >= 0) row.weeks[doneIn]!.done++;
  }
  for (const row of rows.values()) for (const w of row.weeks) add(row.total, w);
  return withTotals(unit, weeks, [...rows.values()].sort((a, b) => caseworkerOrder(a.name, b.name)));
}

function add(into: WeekCheck, w: WeekCheck): void {
  into.due += w.due;
  into.done += w.done;
  into.open += w.open;
}

function withTotals(unit: string, weeks: PlanningWeek[], rows: CheckRow[]): Check {
  const totals = weeks.map(zero);
  const total = zero();
  for (const row of rows) {
    row.weeks.forEach((w, i) => add(totals[i]!, w));
    add(total, row.total);
  }
  return { unit, weeks, rows, totals, total };
}

/** Several units' checks of the same weeks as one, a row per unit (its totals); `unit` is ''. */
export function checksByUnit(checks: readonly Check[], weeks: PlanningWeek[]): Check {
  return withTotals('', weeks, checks.map((c) => ({ name: c.unit, weeks: c.totals, total: c.total })));
}
