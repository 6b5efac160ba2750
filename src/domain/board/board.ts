import { dayNumber } from '../calendar.ts';
import type { PlanningWeek, Simulation, UnitPlan } from '../levelling/simulate.ts';
import type { IsoDate, Obligation } from '../types.ts';
import { caseworkerOrder } from '../collate.ts';

/*
 * The team's LEAN board: per unit, a swimlane per caseworker
 * and a column per week, the cards placed by the levelling plan (SPEC §7)
 * the levelling view shows for the same settings. The first column holds
 * the backlog, oldest first; then the weeks w0, w1, … as planned.
 *
 * A week's count is its load: the cards planned in it and the overdue
 * follow-ups caught up in it (their cards stay in the first column), as
 * the levelling plan counts them. A row's total counts its cards.
 */

export const MIN_BOARD_WEEKS = 4;
export const MAX_BOARD_WEEKS = 12;
export const DEFAULT_BOARD_WEEKS = 8;

/** One follow-up on the board; shared between re-plans, so never changed. */
export interface BoardCard {
  /** Unique on the board: the measure and which follow-up of it. */
  readonly key: string;
  readonly caseId: string;
  readonly measureId: string;
  readonly measureType: string;
  /** Which follow-up of its measure: 1 is the first after the start. */
  readonly seq: number;
  readonly due: IsoDate;
  /** An overdue follow-up, and how many days late it is at the as-of date. */
  readonly overdue: boolean;
  readonly daysOverdue: number;
  /** The week (0 = w0) it is planned in, or for an overdue one caught up in (which may lie after the weeks shown). */
  readonly week: number;
  readonly planned: PlanningWeek;
  /** Weeks the plan starts it before its due week (0 for an overdue one). */
  readonly weeksEarly: number;
}

export interface BoardCell {
  cards: BoardCard[];
  /** Follow-ups to do in the week: its cards and the overdue ones caught up in it. For the overdue column, its cards. */
  count: number;
  /** Above the row's capacity (never for the overdue column). */
  over: boolean;
}

export interface BoardRow {
  /** '' for follow-ups with no caseworker. */
  caseworker: string;
  /** Follow-ups the caseworker can do in a week: the capacity per caseworker times their FTE; null when none is set. */
  capacity: number | null;
  overdue: BoardCell;
  weeks: BoardCell[];
  /** Cards on the row. */
  total: number;
}

export interface Board {
  unit: string;
  /** The weeks shown, from w0. */
  weeks: readonly PlanningWeek[];
  rows: BoardRow[];
  totals: {
    overdue: number;
    /** Each week's count summed over the rows: the unit's load in the week. */
    weeks: number[];
    cards: number;
  };
}

export interface BoardOptions {
  /** Weeks shown from w0 (4–12). */
  weeks: number;
  /** Follow-ups a caseworker working full time can do in a week; null for none. */
  capacity: number | null;
  /** FTE per caseworker (default 1), which scales the capacity. */
  fte?: Readonly<Record<string, number>>;
  /** Measure types shown; none means all. */
  types?: readonly string[];
}

/** @example checkBoardWeeks(13) // throws: invalid board weeks */
export function checkBoardWeeks(weeks: number): number {
  if (!Number.isInteger(weeks) || weeks < MIN_BOARD_WEEKS || weeks > MAX_BOARD_WEEKS) {
    throw new RangeError(`invalid board weeks: ${weeks} (a whole number of weeks from ${MIN_BOARD_WEEKS} to ${MAX_BOARD_WEEKS})`);
  }
  return weeks;
}


/** A caseworker's weekly capacity: the capacity per caseworker times their FTE (1 when not given). */
export function capacityOf(capacity: number | null, fte: Readonly<Record<string, number>> | undefined, caseworker: string): number | null {
  if (capacity === null) return null;
  const share = fte && Object.hasOwn(fte, caseworker) ? fte[caseworker]! : 1;
  return capacity * share;
}

const emptyCell = (): BoardCell => ({ cards: [], count: 0, over: false });

/**
 * The card last made for each follow-up: a re-plan that leaves a card
 * where it was gives back the same object, so a view that draws cards by
 * identity redraws only those that moved.
 */
const cardMemo = new WeakMap<Obligation, BoardCard>();

/**
 * One unit's board from its plan and the plan's 26 weeks. Rows are the caseworkers with a
 * follow-up in the plan's 26 weeks or its backlog, whatever the filter, so
 * a swimlane does not come and go with the weeks shown.
 */
export function unitBoard(plan: UnitPlan, weeks: readonly PlanningWeek[], asOf: IsoDate, options: BoardOptions): Board {
  const shown = checkBoardWeeks(options.weeks);
  const keep = options.types && options.types.length > 0 ? new Set(options.types) : null;
  const today = dayNumber(asOf);
  const rows = new Map<string, BoardRow>();
  const rowOf = (caseworker: string): BoardRow => {
    let row = rows.get(caseworker);
    if (!row) {
      row = { caseworker, capacity: capacityOf(options.capacity, options.fte, caseworker), overdue: emptyCell(), weeks: Array.from({ length: shown }, emptyCell), total: 0 };
      rows.set(caseworker, row);
    }
    return row;
  };
  const card = (o: Obligation, week: number, overdue: boolean, weeksEarly: number): BoardCard => {
    const planned = weeks[week]!;
    const daysOverdue = overdue ? today - dayNumber(o.due) : 0;
    const last = cardMemo.get(o);
    if (last && last.planned === planned && last.weeksEarly === weeksEarly && last.overdue === overdue && last.daysOverdue === daysOverdue) return last;
    const made: BoardCard = {
      key: `${o.measureKey}\u0000${o.seq}`,
      caseId: o.caseId,
      measureId: o.measureId,
      measureType: o.measureType,
      seq: o.seq,
      due: o.due,
      overdue,
      daysOverdue,
      week,
      planned,
      weeksEarly,
    };
    cardMemo.set(o, made);
    return made;
  };

  // The backlog comes in catch-up order, oldest first; the jobs in due order: cells need no sorting.
  plan.backlog.forEach((o, i) => {
    const row = rowOf(o.caseworker);
    if (keep && !keep.has(o.measureType)) return;
    const week = plan.catchUpWeek[i]!;
    row.overdue.cards.push(card(o, week, true, 0));
    if (week < shown) row.weeks[week]!.count++;
  });
  plan.jobs.forEach((o, i) => {
    const row = rowOf(o.caseworker);
    const week = plan.plan[i]!;
    if ((keep && !keep.has(o.measureType)) || week >= shown) return;
    row.weeks[week]!.cards.push(card(o, week, false, plan.dueWeek[i]! - week));
    row.weeks[week]!.count++;
  });

  const sorted = [...rows.values()].sort((a, b) => caseworkerOrder(a.caseworker, b.caseworker));
  const totals = { overdue: 0, weeks: new Array<number>(shown).fill(0), cards: 0 };
  for (const row of sorted) {
    row.overdue.count = row.overdue.cards.length;
    row.total = row.overdue.count;
    row.weeks.forEach((cell, w) => {
      cell.over = row.capacity !== null && cell.count > row.capacity;
      row.total += cell.cards.length;
      totals.weeks[w]! += cell.count;
    });
    totals.overdue += row.overdue.count;
    totals.cards += row.total;
  }
  return { unit: plan.unit, weeks: weeks.slice(0, shown), rows: sorted, totals };
}

/** A board for each unit the simulation planned, in its order. */
export function boards(sim: Simulation, asOf: IsoDate, options: BoardOptions): Board[] {
  return sim.units.map((u) => unitBoard(u, sim.weeks, asOf, options));
}

/** Every card of a board with where it sits, row by row, the overdue column first: what the board's table and CSV list. */
export function boardCards(board: Board): { caseworker: string; column: 'overdue' | number; card: BoardCard }[] {
  const out: { caseworker: string; column: 'overdue' | number; card: BoardCard }[] = [];
  for (const row of board.rows) {
    for (const card of row.overdue.cards) out.push({ caseworker: row.caseworker, column: 'overdue', card });
    row.weeks.forEach((cell, w) => {
      for (const card of cell.cards) out.push({ caseworker: row.caseworker, column: w, card });
    });
  }
  return out;
}
