import { addMonths } from './calendar.ts';
import { backlogRanks, catchUpDaysOf, checkCatchUp, DEFAULT_CATCH_UP } from './backlog.ts';
import { planningRange } from './range.ts';
import type { EventRecord, IsoDate, Measure, Obligation, ObligationStatus, Rules } from './types.ts';

/*
 * SPEC §5: the chain of follow-up obligations of each measure, with the
 * unit and caseworker each one belongs to.
 *
 * The projected successors of an overdue obligation start from its
 * catch-up day (§5.5, §7.1), which depends on the rest of its unit's
 * backlog. So the chains are walked in two passes: every measure up to its
 * open obligation, then the backlog's chains from their catch-up days. The
 * second pass is kept apart (`BacklogChains`) so that another catch-up can
 * be played without the measures (`backlogSuccessors`).
 */

export interface ObligationContext {
  rules: Rules;
  asOf: IsoDate;
  /** The last day of the forecast range; projected obligations are due on or before it. */
  forecastEnd: IsoDate;
  /** Weeks over which each unit's backlog is cleared (default 4). */
  catchUp?: number;
}

/** An overdue open obligation whose measure runs on, and who holds the measure now. */
export interface BacklogSeed {
  /** Index of the overdue obligation in the obligations. */
  at: number;
  /** The latest accepted row's unit and caseworker: the projected successors are theirs. */
  unit: string;
  caseworker: string;
}

/** What it takes to play the backlog's chains again for another catch-up. */
export interface BacklogChains {
  /** `obligations[start…]` are the backlog's projected successors, the rest does not depend on the catch-up. */
  start: number;
  seeds: BacklogSeed[];
  /**
   * Each seed's place among its unit's (the overdue obligation's unit) in
   * the backlog's order, 0 caught up first: the same for every catch-up,
   * so worked out with the obligations, in the worker.
   */
  rank: Int32Array;
  catchUp: number;
  firstWorkday: IsoDate;
  interval: number;
  forecastEnd: IsoDate;
}

export interface Derivation {
  obligations: Obligation[];
  backlog: BacklogChains;
}

/**
 * @example deriveObligations(measures, { rules: DEFAULT_RULES, asOf: '2025-06-30', forecastEnd: '2026-06-30' })
 */
export function deriveObligations(measures: readonly Measure[], context: ObligationContext): Obligation[] {
  return deriveChains(measures, context).obligations;
}

/** The obligations, and what a change of catch-up needs to replay the backlog's chains. */
export function deriveChains(measures: readonly Measure[], { rules, asOf, forecastEnd, catchUp = DEFAULT_CATCH_UP }: ObligationContext): Derivation {
  const out: Obligation[] = [];
  const seeds: BacklogSeed[] = [];
  const after = monthsAfter(rules.interval);
  for (const m of measures) {
    const owner = ownerAt(m.rows);
    const open = walkChain(m, rules, asOf, (seq, created, due, completed, status) => {
      out.push(obligation(m, owner(due), seq, created, due, completed, status, m.end));
    });
    if (open === null) continue;
    const holder = owner(null);
    if (open.status === 'overdue') seeds.push({ at: out.length - 1, unit: holder.unit, caseworker: holder.caseworker });
    // Running measure, open obligation not yet due: assumed done on its due date, and so on.
    else project(m, holder, open.seq + 1, open.due, after, forecastEnd, out);
  }
  const backlog: BacklogChains = {
    start: out.length,
    seeds,
    rank: ranksInUnit(out, seeds),
    catchUp: checkCatchUp(catchUp),
    firstWorkday: planningRange(asOf).firstWorkday,
    interval: rules.interval,
    forecastEnd,
  };
  return { obligations: projectBacklog(out, backlog, out), backlog };
}

/**
 * The backlog's projected successors for another catch-up: what replaces
 * `obligations[backlog.start…]` (the rest does not change).
 */
export function backlogSuccessors(derivation: Derivation, catchUp: number): { successors: Obligation[]; backlog: BacklogChains } {
  const backlog = { ...derivation.backlog, catchUp: checkCatchUp(catchUp) };
  return { successors: projectBacklog(derivation.obligations, backlog, []), backlog };
}

/** The seeds' indices grouped by the unit of their overdue obligation, units in the order they first come. */
function seedsByUnit(obligations: readonly Obligation[], seeds: readonly BacklogSeed[]): number[][] {
  const byUnit = new Map<string, number[]>();
  seeds.forEach((seed, i) => {
    const unit = obligations[seed.at]!.unit;
    const list = byUnit.get(unit);
    if (list) list.push(i);
    else byUnit.set(unit, [i]);
  });
  return [...byUnit.values()];
}

/** `BacklogChains.rank`. */
function ranksInUnit(obligations: readonly Obligation[], seeds: readonly BacklogSeed[]): Int32Array {
  const rank = new Int32Array(seeds.length);
  for (const list of seedsByUnit(obligations, seeds)) {
    const inUnit = backlogRanks(list.map((i) => obligations[seeds[i]!.at]!));
    list.forEach((i, k) => (rank[i] = inUnit[k]!));
  }
  return rank;
}

/**
 * Appends to `out` the projected successors of every overdue obligation in
 * `obligations`, each from its catch-up day; returns `out`.
 */
function projectBacklog(obligations: readonly Obligation[], { seeds, rank, catchUp, firstWorkday, interval, forecastEnd }: BacklogChains, out: Obligation[]): Obligation[] {
  const next = monthsAfter(interval);
  for (const list of seedsByUnit(obligations, seeds)) {
    const days = catchUpDaysOf(Int32Array.from(list, (i) => rank[i]!), firstWorkday, catchUp);
    list.forEach((i, k) => {
      const seed = seeds[i]!;
      const overdue = obligations[seed.at]!;
      const measure = { key: overdue.measureKey, caseId: overdue.caseId, measureId: overdue.measureId, measureType: overdue.measureType };
      project(measure, seed, overdue.seq + 1, days[k]!, next, forecastEnd, out);
    });
  }
  return out;
}

/**
 * The day `interval` months after a day, worked out once per day: the
 * catch-up days are a few dates, and so are the dates projected from them.
 */
function monthsAfter(interval: number): (day: IsoDate) => IsoDate {
  const after = new Map<IsoDate, IsoDate>();
  return (day) => {
    let next = after.get(day);
    if (next === undefined) after.set(day, (next = addMonths(day, interval)));
    return next;
  };
}

/** Projected obligations from `seq` on, the first created at `completion`, while they fall due by `forecastEnd`. */
function project(
  m: Pick<Measure, 'key' | 'caseId' | 'measureId' | 'measureType'>,
  holder: Pick<EventRecord, 'unit' | 'caseworker'>,
  seq: number,
  completion: IsoDate,
  after: (completion: IsoDate) => IsoDate,
  forecastEnd: IsoDate,
  out: Obligation[],
): void {
  for (; ; seq++) {
    const next = after(completion);
    if (next > forecastEnd) return;
    // A projected obligation belongs to a running measure: no end (not a copy of the measure with one).
    out.push(obligation(m, holder, seq, completion, next, next, 'projected', null));
    completion = next;
  }
}

function obligation(
  m: Pick<Measure, 'key' | 'caseId' | 'measureId' | 'measureType'>,
  holder: Pick<EventRecord, 'unit' | 'caseworker'>,
  seq: number,
  created: IsoDate,
  due: IsoDate,
  completed: IsoDate | null,
  status: ObligationStatus,
  end: IsoDate | null,
): Obligation {
  return {
    measureKey: m.key,
    caseId: m.caseId,
    measureId: m.measureId,
    measureType: m.measureType,
    seq,
    created,
    due,
    completed,
    status,
    measureEnd: end,
    unit: holder.unit,
    caseworker: holder.caseworker,
  };
}

/** The open obligation a running measure's chain stops at. */
export interface OpenObligation {
  seq: number;
  due: IsoDate;
  status: 'overdue' | 'upcoming';
}

/**
 * Walks a measure's chain (SPEC §5.1–§5.4) and calls `visit` for each of
 * its obligations in order, projected ones left out. Returns the open
 * obligation of a running measure, null when the chain stops (the measure
 * ended: its obligations are done, or the last is missed).
 */
export function walkChain(
  m: Measure,
  rules: Pick<Rules, 'first' | 'interval' | 'countTechnical'>,
  asOf: IsoDate,
  visit: (seq: number, created: IsoDate, due: IsoDate, completed: IsoDate | null, status: ObligationStatus) => void,
): OpenObligation | null {
  const done = followUps(m, rules.countTechnical);
  let created = m.start;
  let due = addMonths(m.start, rules.first);
  for (let k = 0; ; k++) {
    const seq = k + 1;
    if (m.end !== null && due > m.end) return null;
    const f = done[k];
    if (f) {
      visit(seq, created, due, f.date, f.date <= due ? 'done_on_time' : 'done_late');
      created = f.date;
      due = f.nextDue !== null && f.nextDue > f.date ? f.nextDue : addMonths(f.date, rules.interval);
      continue;
    }
    if (m.end !== null) {
      visit(seq, created, due, null, 'missed');
      return null;
    }
    const status = due < asOf ? 'overdue' : 'upcoming';
    visit(seq, created, due, null, status);
    return { seq, due, status };
  }
}

/** The follow-ups that complete obligations: distinct dates in order, each with its planned next date. */
function followUps(m: Measure, countTechnical: boolean): { date: IsoDate; nextDue: IsoDate | null }[] {
  const rows = m.rows.filter((r) => r.event === 'follow_up' || (countTechnical && r.event === 'technical_follow_up'));
  // In date order, rows of one date in file order (the sort is stable): each date's first next due that is not empty wins.
  if (!inDateOrder(rows)) rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: { date: IsoDate; nextDue: IsoDate | null }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last?.date !== r.date) out.push({ date: r.date, nextDue: r.nextDue });
    else last.nextDue ??= r.nextDue;
  }
  return out;
}

/**
 * Who holds a measure at a date: the latest row dated on or before it, the
 * later in the file on equal dates (`null`: the latest row of all).
 */
export function ownerAt(rows: readonly EventRecord[]): (date: IsoDate | null) => EventRecord {
  // Rows come in file order, which is usually date order already.
  const sorted = inDateOrder(rows) ? rows : [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  return (date) => {
    if (date === null) return sorted[sorted.length - 1]!;
    let lo = 0;
    let hi = sorted.length; // first row dated after `date`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.date <= date) lo = mid + 1;
      else hi = mid;
    }
    return sorted[Math.max(0, lo - 1)]!;
  };
}

function inDateOrder(rows: readonly EventRecord[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.date > rows[i]!.date) return false;
  return true;
}
