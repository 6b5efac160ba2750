import { addMonths as fnsAddMonths } from 'date-fns';
import { readExport } from '../../src/domain/import/read.ts';
import type { EventRecord } from '../../src/domain/types.ts';

/*
 * An independent reference for docs/SPEC.md v2, §3.1 checks 2–6 and §4–§8,
 * written from the spec's text alone (and docs/DECISIONS.md where the spec
 * leaves room). Only the reader (§3.1 check 1) is shared with the app.
 * Plain and slow on purpose: every rule is spelled out where it is used,
 * in the spec's order, so a reader can hold it against the text.
 */

// ---------------------------------------------------------------- dates (§2)

type Iso = string;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC, so no time zone can shift a day). */
function dayNumber(iso: Iso): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function isoOfDay(n: number): Iso {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function plusDays(iso: Iso, days: number): Iso {
  return isoOfDay(dayNumber(iso) + days);
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(iso: Iso): number {
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

function mondayOf(iso: Iso): Iso {
  return plusDays(iso, 1 - isoWeekday(iso));
}

/** date-fns' addMonths, on a local noon so no daylight-saving change can move the day. */
export function addMonths(iso: Iso, n: number): Iso {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const r = fnsAddMonths(new Date(y, m - 1, d, 12), n);
  return `${String(r.getFullYear()).padStart(4, '0')}-${String(r.getMonth() + 1).padStart(2, '0')}-${String(r.getDate()).padStart(2, '0')}`;
}

function monthOf(iso: Iso): string {
  return iso.slice(0, 7);
}

function lastDayOfMonth(month: string): Iso {
  return plusDays(addMonths(`${month}-01`, 1), -1);
}

/** Months from `from` to `to` inclusive, as `YYYY-MM`. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = monthOf(addMonths(`${m}-01`, 1))) out.push(m);
  return out;
}

/** §7: the first Monday–Friday after the as-of date. */
export function firstWorkday(asOf: Iso): Iso {
  let d = plusDays(asOf, 1);
  while (isoWeekday(d) > 5) d = plusDays(d, 1);
  return d;
}

// ---------------------------------------------------------------- options

export interface OracleOptions {
  asOf?: Iso;
  rules?: { first?: number; interval?: number; countTechnical?: boolean };
  leadWeeks?: number;
  catchUpWeeks?: number;
  horizonMonths?: number;
}

const STATUS_KEYS = ['done_on_time', 'done_late', 'overdue', 'upcoming', 'missed', 'projected'] as const;
type Status = (typeof STATUS_KEYS)[number];

const WEEKS = 26;

// ---------------------------------------------------------------- the result (§8)

export interface OracleLevelling {
  jobs: number;
  backlog: number;
  baselinePeak: number;
  shiftPeak: number;
  levelledPeak: number;
  lowerBound: number;
  meanDaysEarly: number;
}

export interface OracleRegistration {
  measures: number;
  flaggedLate: number;
  flaggedLateAsRegistered: number;
  overdueNow: number;
}

export interface OracleCfdPoint {
  date: Iso;
  created: number;
  done: number;
  missed: number;
  overdue: number;
  upcoming: number;
}

export interface OracleAnalysis {
  asOf: Iso;
  rows: { total: number; accepted: number; rejected: number };
  /** Rejected lines, in line order. */
  rejections: { line: number }[];
  units: string[];
  months: string[];
  dueByUnitMonth: Record<string, number[]>;
  status: Record<string, Record<Status, number>>;
  cfd: Record<string, OracleCfdPoint[]>;
  levelling: Record<string, OracleLevelling>;
  technicalFollowUps: Record<string, number>;
  technicalByUnitMonth: Record<string, number[]>;
  registration: Record<string, OracleRegistration>;
}

/** What the oracle worked out on the way, for tests that look inside. */
export interface OracleWork {
  analysis: OracleAnalysis;
  obligations: OracleObligation[];
  /** Per unit: the backlog in catch-up order, with each one's catch-up week and day. */
  backlog: Record<string, { caseId: string; measureId: string; due: Iso; week: number; day: Iso }[]>;
  /** Per unit: b(t) for t = 0 … 25. */
  backlogLoad: Record<string, number[]>;
  w0Monday: Iso;
}

// ---------------------------------------------------------------- validation (§3.1 checks 2–6)

interface Measure {
  caseId: string;
  measureId: string;
  start: EventRecord;
  end: EventRecord | null;
  /** Accepted rows in file order. */
  rows: EventRecord[];
}

const isFollowUp = (r: EventRecord) => r.event === 'follow_up' || r.event === 'technical_follow_up';

function validate(records: readonly EventRecord[], asOf: Iso): { measures: Measure[]; rejected: number[] } {
  const rejected: number[] = [];
  const inFileOrder = [...records].sort((a, b) => a.index - b.index);

  // Check 2: dated after the as-of date.
  const afterCheck2 = inFileOrder.filter((r) => {
    if (r.date > asOf) rejected.push(r.line);
    return r.date <= asOf;
  });

  // Decision 1: a measure is the pair (case, measure id).
  const groups = new Map<string, EventRecord[]>();
  for (const r of afterCheck2) {
    const key = JSON.stringify([r.caseId, r.measureId]);
    const group = groups.get(key) ?? [];
    group.push(r);
    groups.set(key, group);
  }

  const measures: Measure[] = [];
  for (const rows of groups.values()) {
    // Check 3: a start must be left; the first in file order is the start.
    const start = rows.find((r) => r.event === 'measure_start');
    if (!start) {
      for (const r of rows) rejected.push(r.line);
      continue;
    }
    const afterCheck3 = rows.filter((r) => {
      const ok = r.event !== 'measure_start' || r === start;
      if (!ok) rejected.push(r.line);
      return ok;
    });

    // Check 4: an end dated before the start; of the rest, the first is the end.
    const afterEarlyEnds = afterCheck3.filter((r) => {
      const ok = !(r.event === 'measure_end' && r.date < start.date);
      if (!ok) rejected.push(r.line);
      return ok;
    });
    const end = afterEarlyEnds.find((r) => r.event === 'measure_end') ?? null;
    const afterCheck4 = afterEarlyEnds.filter((r) => {
      const ok = r.event !== 'measure_end' || r === end;
      if (!ok) rejected.push(r.line);
      return ok;
    });

    // Check 5: a follow-up before the start or after the end.
    const afterCheck5 = afterCheck4.filter((r) => {
      const ok = !isFollowUp(r) || (r.date >= start.date && (end === null || r.date <= end.date));
      if (!ok) rejected.push(r.line);
      return ok;
    });

    // Check 6: a repeat of an earlier row with the same event and date.
    const kept: EventRecord[] = [];
    for (const r of afterCheck5) {
      if (kept.some((k) => k.event === r.event && k.date === r.date)) rejected.push(r.line);
      else kept.push(r);
    }
    measures.push({ caseId: start.caseId, measureId: start.measureId, start, end, rows: kept });
  }
  return { measures, rejected };
}

// ---------------------------------------------------------------- obligations (§5)

export interface OracleObligation {
  caseId: string;
  measureId: string;
  seq: number;
  created: Iso;
  due: Iso;
  completed: Iso | null;
  status: Status;
  end: Iso | null;
  unit: string;
}

/** §5.6: the latest row (by date; on equal dates the later in the file) among `rows`. */
function latestRow(rows: readonly EventRecord[]): EventRecord {
  let best = rows[0]!;
  for (const r of rows) if (r.date > best.date || (r.date === best.date && r.index > best.index)) best = r;
  return best;
}

function unitOnOrBefore(m: Measure, date: Iso): string {
  return latestRow(m.rows.filter((r) => r.date <= date)).unit;
}

/** §5.1–§5.4: a measure's chain up to its open obligation; no projections. */
function chain(m: Measure, first: number, interval: number, countTechnical: boolean, asOf: Iso): OracleObligation[] {
  const counts = (r: EventRecord) => r.event === 'follow_up' || (countTechnical && r.event === 'technical_follow_up');
  const followUps = m.rows.filter(counts);
  const dates = [...new Set(followUps.map((r) => r.date))].sort();
  // Decision 13: the next_due of the first row (file order) on that date that has one.
  const nextDueOn = (date: Iso) => followUps.find((r) => r.date === date && r.nextDue !== null)?.nextDue ?? null;
  const endDate = m.end?.date ?? null;

  const out: OracleObligation[] = [];
  let created = m.start.date;
  let due = addMonths(m.start.date, first);
  for (let k = 0; ; k++) {
    if (endDate !== null && due > endDate) break;
    const base = { caseId: m.caseId, measureId: m.measureId, seq: k + 1, created, due, end: endDate, unit: unitOnOrBefore(m, due) };
    const f = dates[k];
    if (f === undefined) {
      const status: Status = endDate !== null ? 'missed' : due < asOf ? 'overdue' : 'upcoming';
      out.push({ ...base, completed: null, status });
      break;
    }
    out.push({ ...base, completed: f, status: f <= due ? 'done_on_time' : 'done_late' });
    const planned = nextDueOn(f);
    created = f;
    due = planned !== null && planned > f ? planned : addMonths(f, interval);
  }
  return out;
}

// ---------------------------------------------------------------- levelling (§7.2)

export interface Job {
  /** Release week r and due week d, as week numbers 0 … 25. */
  release: number;
  due: number;
}

export interface Levelled {
  baselinePeak: number;
  shiftPeak: number;
  lowerBound: number;
  levelledPeak: number;
  /** Planned week per job, aligned with the jobs. */
  plan: number[];
  meanDaysEarly: number;
}

function peakOf(weekOfJob: readonly number[], load: readonly number[]): number {
  const perWeek = [...load];
  for (const w of weekOfJob) perWeek[w]!++;
  return Math.max(0, ...perWeek);
}

/** The bound: max over [a, b] of ceil((n(a, b) + B(a, b)) / (b − a + 1)). */
export function lowerBoundOf(jobs: readonly Job[], load: readonly number[]): number {
  let best = 0;
  for (let a = 0; a < load.length; a++) {
    for (let b = a; b < load.length; b++) {
      const n = jobs.filter((j) => j.release >= a && j.due <= b).length;
      let backlog = 0;
      for (let t = a; t <= b; t++) backlog += load[t]!;
      best = Math.max(best, Math.ceil((n + backlog) / (b - a + 1)));
    }
  }
  return best;
}

/**
 * Fills the weeks from the last to the first, each with up to
 * `capacity − b(t)` jobs whose window holds it, latest release first.
 * Null when some job cannot be placed.
 */
function backwardFill(jobs: readonly Job[], load: readonly number[], capacity: number): number[] | null {
  const plan: number[] = jobs.map(() => -1);
  for (let t = load.length - 1; t >= 0; t--) {
    const room = capacity - load[t]!;
    if (room < 0) return null;
    const candidates = jobs
      .map((j, i) => ({ j, i }))
      .filter(({ j, i }) => plan[i] === -1 && j.release <= t && t <= j.due)
      .sort((x, y) => y.j.release - x.j.release || x.i - y.i);
    for (const { i } of candidates.slice(0, room)) plan[i] = t;
    if (jobs.some((j, i) => plan[i] === -1 && j.release === t)) return null;
  }
  return plan;
}

/**
 * The least-moving check: moving a job from week s to u, displacing one
 * there onward, and so on, gains (last week − s) days/7, so a plan moves
 * work as little as possible exactly when no week after s with room is
 * reachable from s along "a job planned here may go there".
 */
function isLeastMoving(jobs: readonly Job[], load: readonly number[], capacity: number, plan: readonly number[]): boolean {
  const weeks = load.length;
  const planned = [...load];
  for (const w of plan) planned[w]!++;
  const edges = Array.from({ length: weeks }, (_, s) =>
    Array.from({ length: weeks }, (_, u) => jobs.some((j, i) => plan[i] === s && j.release <= u && u <= j.due)),
  );
  const edge = (s: number, u: number) => edges[s]![u]!;
  for (let s = 0; s < weeks; s++) {
    const seen = new Set<number>();
    const queue = [s];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (let u = 0; u < weeks; u++) {
        if (!seen.has(u) && u !== at && edge(at, u)) {
          seen.add(u);
          queue.push(u);
        }
      }
    }
    for (const u of seen) if (u > s && planned[u]! < capacity) return false;
  }
  return true;
}

/** §7.2 for one unit's jobs and backlog load. Throws where the spec's own claims fail. */
export function levelJobs(jobs: readonly Job[], load: readonly number[]): Levelled {
  const baselinePeak = peakOf(jobs.map((j) => j.due), load);
  const shiftPeak = peakOf(jobs.map((j) => j.release), load);
  const lowerBound = lowerBoundOf(jobs, load);
  // The levelled peak by trying capacities from the backlog's own peak up.
  let capacity = Math.max(0, ...load);
  let plan = backwardFill(jobs, load, capacity);
  while (plan === null) plan = backwardFill(jobs, load, ++capacity);
  const levelledPeak = peakOf(plan, load);
  if (levelledPeak !== lowerBound) throw new Error(`oracle: levelled peak ${levelledPeak} is not the bound ${lowerBound}`);
  if (!plan.every((w, i) => jobs[i]!.release <= w && w <= jobs[i]!.due)) throw new Error('oracle: a job is planned outside its window');
  if (!isLeastMoving(jobs, load, levelledPeak, plan)) throw new Error('oracle: the levelled plan is not least-moving');
  const moved = jobs.reduce((sum, j, i) => sum + 7 * (j.due - plan[i]!), 0);
  return { baselinePeak, shiftPeak, lowerBound, levelledPeak, plan, meanDaysEarly: jobs.length === 0 ? 0 : moved / jobs.length };
}

// ---------------------------------------------------------------- registration (§6)

const leftOut = (o: OracleObligation) => o.status === 'upcoming' || o.status === 'projected';

function endsLate(obligations: readonly OracleObligation[]): boolean {
  let late = false;
  let onTimeSince = 0;
  for (const o of obligations) {
    if (leftOut(o)) continue;
    if (o.status === 'done_late' || o.status === 'missed' || o.status === 'overdue') {
      late = true;
      onTimeSince = 0;
    } else if (o.status === 'done_on_time' && late) {
      onTimeSince++;
      if (onTimeSince === 2) late = false;
    }
  }
  return late;
}

// ---------------------------------------------------------------- the whole analysis

/** The spec's answer for an export (bytes or text) and options, as SPEC §8's object. */
export function oracle(input: Uint8Array | string, options: OracleOptions = {}): OracleAnalysis {
  return oracleWork(input, options).analysis;
}

export function oracleWork(input: Uint8Array | string, options: OracleOptions = {}): OracleWork {
  const first = options.rules?.first ?? 3;
  const interval = options.rules?.interval ?? 6;
  const countTechnical = options.rules?.countTechnical ?? false;
  const lead = options.leadWeeks ?? 4;
  const catchUp = options.catchUpWeeks ?? 4;
  const horizon = options.horizonMonths ?? 12;

  const read = readExport(input);
  // §4; decision 8: no readable date at all gives today.
  const asOf = options.asOf ?? read.latestDate ?? new Date().toISOString().slice(0, 10);

  const { measures, rejected } = validate(read.records, asOf);
  const rejectedLines = [...read.rejections.map((r) => r.line), ...rejected].sort((a, b) => a - b);
  const acceptedRows = measures.flatMap((m) => m.rows);
  if (acceptedRows.length + rejectedLines.length !== read.total) throw new Error('oracle: accepted + rejected is not total');

  // Decision 16: Danish order.
  const units = [...new Set(acceptedRows.map((r) => r.unit))].sort(new Intl.Collator('da').compare);
  const months = monthsBetween(monthOf(addMonths(asOf, -12)), monthOf(addMonths(asOf, horizon)));
  const forecastEnd = lastDayOfMonth(months[months.length - 1]!);

  // §5.1–§5.4, then the backlog and its catch-up (§7.1), then §5.5.
  const chains = measures.map((m) => ({ m, obligations: chain(m, first, interval, countTechnical, asOf) }));
  const workday = firstWorkday(asOf);
  const w0Monday = mondayOf(workday);
  const weekOf = (iso: Iso) => Math.floor((dayNumber(iso) - dayNumber(w0Monday)) / 7);

  const backlog: OracleWork['backlog'] = {};
  const backlogLoad: OracleWork['backlogLoad'] = {};
  const catchUpDay = new Map<OracleObligation, Iso>();
  for (const unit of units) {
    const overdue = chains
      .flatMap((c) => c.obligations)
      .filter((o) => o.status === 'overdue' && o.unit === unit)
      .sort((a, b) => codeUnitOrder(a.due, b.due) || codeUnitOrder(a.caseId, b.caseId) || codeUnitOrder(a.measureId, b.measureId));
    const load = new Array<number>(WEEKS).fill(0);
    backlog[unit] = overdue.map((o, i) => {
      const week = Math.floor((i * catchUp) / overdue.length);
      const day = plusDays(workday, 7 * week);
      load[week]!++;
      catchUpDay.set(o, day);
      return { caseId: o.caseId, measureId: o.measureId, due: o.due, week, day };
    });
    backlogLoad[unit] = load;
  }

  const obligations: OracleObligation[] = [];
  for (const { m, obligations: own } of chains) {
    obligations.push(...own);
    const open = own[own.length - 1];
    if (m.end !== null || open === undefined) continue;
    const unit = latestRow(m.rows).unit;
    let completion = open.status === 'overdue' ? catchUpDay.get(open)! : open.due;
    for (let seq = open.seq + 1; ; seq++) {
      const due = addMonths(completion, interval);
      if (due > forecastEnd) break;
      obligations.push({ caseId: m.caseId, measureId: m.measureId, seq, created: completion, due, completed: due, status: 'projected', end: null, unit });
      completion = due;
    }
  }

  const byUnit = new Map(units.map((u) => [u, obligations.filter((o) => o.unit === u)]));
  const ofUnit = (unit: string) => byUnit.get(unit)!;
  const perUnit = <T>(f: (unit: string) => T): Record<string, T> => Object.fromEntries(units.map((u) => [u, f(u)]));

  const dueByUnitMonth = perUnit((u) => months.map((month) => ofUnit(u).filter((o) => monthOf(o.due) === month).length));

  const status = perUnit((u) => {
    const counts = Object.fromEntries(STATUS_KEYS.map((s) => [s, 0])) as Record<Status, number>;
    for (const o of ofUnit(u)) counts[o.status]++;
    return counts;
  });

  const asOfMonth = monthOf(asOf);
  const flowDates = months.filter((m) => m <= asOfMonth).map((m) => (m === asOfMonth ? asOf : lastDayOfMonth(m)));
  const cfd = perUnit((u) =>
    flowDates.map((t) => {
      const point = { date: t, created: 0, done: 0, missed: 0, overdue: 0, upcoming: 0 };
      for (const o of ofUnit(u)) {
        if (o.status === 'projected' || o.created > t) continue;
        point.created++;
        if (o.completed !== null && o.completed <= t) point.done++;
        else if (o.end !== null && o.end <= t) point.missed++;
        else if (o.due < t) point.overdue++;
        else point.upcoming++;
      }
      return point;
    }),
  );

  const levelling = perUnit((u): OracleLevelling => {
    const lastDay = plusDays(w0Monday, WEEKS * 7 - 1);
    const jobs = ofUnit(u)
      .filter((o) => (o.status === 'upcoming' || o.status === 'projected') && o.due <= lastDay)
      .map((o) => {
        const due = Math.max(0, weekOf(o.due));
        return { release: Math.max(0, due - lead), due };
      });
    const { plan: _plan, ...figures } = levelJobs(jobs, backlogLoad[u]!);
    return { jobs: jobs.length, backlog: backlog[u]!.length, ...figures };
  });

  const technicalRows = acceptedRows.filter((r) => r.event === 'technical_follow_up');
  const technicalFollowUps = perUnit((u) => technicalRows.filter((r) => r.unit === u).length);
  const technicalByUnitMonth = perUnit((u) => months.map((month) => technicalRows.filter((r) => r.unit === u && monthOf(r.date) === month).length));

  const registration = perUnit((): OracleRegistration => ({ measures: 0, flaggedLate: 0, flaggedLateAsRegistered: 0, overdueNow: 0 }));
  for (const m of measures) {
    const real = chain(m, first, interval, false, asOf);
    if (real.every(leftOut)) continue;
    const entry = registration[latestRow(m.rows).unit]!;
    entry.measures++;
    if (endsLate(real)) entry.flaggedLate++;
    if (endsLate(chain(m, first, interval, true, asOf))) entry.flaggedLateAsRegistered++;
    if (real.some((o) => o.status === 'overdue')) entry.overdueNow++;
  }

  const analysis: OracleAnalysis = {
    asOf,
    rows: { total: read.total, accepted: acceptedRows.length, rejected: rejectedLines.length },
    rejections: rejectedLines.map((line) => ({ line })),
    units,
    months,
    dueByUnitMonth,
    status,
    cfd,
    levelling,
    technicalFollowUps,
    technicalByUnitMonth,
    registration,
  };
  return { analysis, obligations, backlog, backlogLoad, w0Monday };
}

/** Strings compared code unit by code unit (§7.1), as JavaScript's < does. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
