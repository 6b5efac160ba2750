import { emptyStatus } from '../aggregate/status.ts';
import type { CrossTab } from '../aggregate/crosstab.ts';
import { backlogLoad, backlogOrder, catchUpWeek, DEFAULT_CATCH_UP } from '../backlog.ts';
import { addDays, isoWeekOf } from '../calendar.ts';
import { planningRange, PLANNING_WEEKS, type PlanningRange } from '../range.ts';
import type { IsoDate, LevellingSummary, Obligation, WeekLabel } from '../types.ts';
import { boundOfWindows, load, meanDaysEarly, windowCounts } from './bound.ts';
import { dueWeekOf, isJob, jobDueIn, type Job } from './jobs.ts';
import { asDue, levelled, shifted, type Policy } from './policies.ts';
import { percentChange, stdDev } from './stats.ts';
import { levellingSummary } from './summary.ts';
import { danishOrder } from '../collate.ts';
import { MAX_LEAD, type PolicyName } from './options.ts';

/*
 * The levelling simulation (SPEC §7): what a lead, a policy, a catch-up of
 * the backlog and a weekly capacity do to the load of the next 26 weeks.
 * Split in two so a control change is cheap: `prepareLevelling` does the
 * date work once per export (jobs and their due weeks, the backlog in its
 * order, per unit), and `simulate` only maps releases and runs the
 * O(jobs + weeks²) planner.
 */

export { MAX_LEAD, POLICY_NAMES, type PolicyName } from './options.ts';
export const POLICIES: Readonly<Record<PolicyName, Policy>> = { due: asDue, shift: shifted, level: levelled };

export interface PlanningWeek {
  /** ISO week with its year, `2025-W27`. */
  key: WeekLabel;
  monday: IsoDate;
}

/** The 26 weeks w0…w25 of a planning range. @example planningWeeks(planningRange('2025-07-02'))[0] // { key: '2025-W27', monday: '2025-06-30' } */
export function planningWeeks(range: PlanningRange): PlanningWeek[] {
  return Array.from({ length: range.weeks }, (_, i) => {
    const monday = addDays(range.first, 7 * i);
    return { key: isoWeekOf(monday), monday };
  });
}

/** One unit's part of the simulation that depends on the as-of date only. */
export interface UnitJobs {
  unit: string;
  /** The jobs (upcoming and projected follow-ups due within the 26 weeks), in due order. */
  jobs: readonly Obligation[];
  /** The due week of each job (0 = w0). */
  dueWeek: Int32Array;
  /** 1 where the job is a projected follow-up, 0 where upcoming. */
  projected: Uint8Array;
  /** The unit's overdue follow-ups in the order they are caught up (SPEC §7.1). */
  backlog: readonly Obligation[];
  /** The unit's caseworkers with a job or a backlog follow-up, in Danish order; each job's and backlog follow-up's index into them. */
  workers: string[];
  worker: Int32Array;
  backlogWorker: Int32Array;
  /** The due dates of the upcoming open follow-ups (where each running measure's chain goes on), counted by date. */
  openDue: ReadonlyMap<IsoDate, number>;
}

export interface Prepared {
  asOf: IsoDate;
  range: PlanningRange;
  weeks: PlanningWeek[];
  units: UnitJobs[];
}

const byDueThenCase = (a: Obligation, b: Obligation) =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0;

/** One unit's obligations as a re-plan sees them, before they are put in order. */
interface UnitSplit {
  jobs: Obligation[];
  backlog: Obligation[];
  open: Map<IsoDate, number>;
}

function splitByUnit(obligations: readonly Obligation[], units: readonly string[], last: IsoDate): Map<string, UnitSplit> {
  const split = new Map(units.map((u) => [u, { jobs: [] as Obligation[], backlog: [] as Obligation[], open: new Map<IsoDate, number>() }]));
  for (const o of obligations) {
    const mine = split.get(o.unit);
    if (!mine) continue;
    if (isJob(o, last)) mine.jobs.push(o);
    if (o.status === 'overdue') mine.backlog.push(o);
    else if (o.status === 'upcoming') mine.open.set(o.due, (mine.open.get(o.due) ?? 0) + 1);
  }
  return split;
}

/** The caseworkers of a unit's jobs and backlog, in Danish order (ties in the order they come). */
function workersOf(jobs: readonly Obligation[], backlog: readonly Obligation[]): string[] {
  return [...new Set([...jobs, ...backlog].map((o) => o.caseworker))].sort(danishOrder);
}

/**
 * Everything a re-plan needs that does not depend on lead, policy,
 * catch-up or capacity. Obligations of units not listed are left out.
 * (The obligations added to units that have none yet: one way to prepare,
 * whether all at once or some after others, `withMore`.)
 */
export function prepareLevelling(obligations: readonly Obligation[], units: readonly string[], asOf: IsoDate, weeks = PLANNING_WEEKS): Prepared {
  const range = planningRange(asOf, weeks);
  const none = (unit: string): UnitJobs => ({
    unit, jobs: [], dueWeek: new Int32Array(0), projected: new Uint8Array(0), backlog: [], workers: [], worker: new Int32Array(0), backlogWorker: new Int32Array(0), openDue: new Map(),
  });
  return withMore({ asOf, range, weeks: planningWeeks(range), units: units.map(none) }, obligations);
}

/**
 * `prepareLevelling` of the same obligations followed by `more`, from the
 * prepared ones: the cost is that of `more` and a merge, not of the whole
 * export. Another catch-up of the backlog changes only the backlog's
 * projected successors, so this is how a catch-up change re-prepares.
 * @example withMore(prepareLevelling(fixed, units, asOf), tail) // deep-equals prepareLevelling([...fixed, ...tail], units, asOf)
 */
export function withMore(prepared: Prepared, more: readonly Obligation[]): Prepared {
  const { range } = prepared;
  const split = splitByUnit(more, prepared.units.map((u) => u.unit), range.last);
  return {
    ...prepared,
    units: prepared.units.map((u): UnitJobs => {
      const extra = split.get(u.unit)!;
      if (extra.jobs.length === 0 && extra.backlog.length === 0 && extra.open.size === 0) return u;
      const jobs = merged(u.jobs, extra.jobs.sort(byDueThenCase), byDueThenCase);
      const backlog = merged(u.backlog, extra.backlog.sort(backlogOrder), backlogOrder);
      const workers = sameWorkers(u, extra) ? u.workers : workersOf(jobs.items, backlog.items);
      const workerAt = new Map(workers.map((w, i) => [w, i]));
      const renumbered = Int32Array.from(u.workers, (w) => workerAt.get(w)!);
      // Each job's week, kind and caseworker: an old job's copied, an added one's worked out.
      const n = jobs.items.length;
      const dueWeek = new Int32Array(n);
      const projected = new Uint8Array(n);
      const worker = new Int32Array(n);
      for (let k = 0; k < n; k++) {
        const f = jobs.from[k]!;
        if (f >= 0) {
          dueWeek[k] = u.dueWeek[f]!;
          projected[k] = u.projected[f]!;
          worker[k] = renumbered[u.worker[f]!]!;
        } else {
          const o = extra.jobs[-f - 1]!;
          dueWeek[k] = dueWeekOf(range, o.due);
          projected[k] = o.status === 'projected' ? 1 : 0;
          worker[k] = workerAt.get(o.caseworker)!;
        }
      }
      const backlogWorker = new Int32Array(backlog.items.length);
      for (let k = 0; k < backlogWorker.length; k++) {
        const f = backlog.from[k]!;
        backlogWorker[k] = f >= 0 ? renumbered[u.backlogWorker[f]!]! : workerAt.get(extra.backlog[-f - 1]!.caseworker)!;
      }
      let openDue = u.openDue;
      if (extra.open.size > 0) {
        const more = new Map(openDue);
        for (const [due, n] of extra.open) more.set(due, (more.get(due) ?? 0) + n);
        openDue = more;
      }
      return { unit: u.unit, jobs: jobs.items, dueWeek, projected, backlog: backlog.items, workers, worker, backlogWorker, openDue };
    }),
  };
}

/**
 * Whether a unit's caseworkers stay as they are with `extra`: it brings no
 * new name, and no two of them are equal in Danish order (whose order
 * would depend on which comes first in the lists).
 */
function sameWorkers(u: UnitJobs, extra: UnitSplit): boolean {
  const known = new Set(u.workers);
  if (![...extra.jobs, ...extra.backlog].every((o) => known.has(o.caseworker))) return false;
  for (let i = 1; i < u.workers.length; i++) if (danishOrder(u.workers[i - 1]!, u.workers[i]!) === 0) return false;
  return true;
}

/**
 * Two lists in `order` merged into one, the first's items first among
 * equals (as a stable sort of the two joined would); `from[k]` is the
 * index in `a` of the k-th item, or `-1 - index` in `b`. Each of `b`'s
 * items finds its place in `a` by galloping from the last one's: another
 * catch-up adds a few thousand successors to a unit's hundred thousand
 * jobs, and is compared O(b log(a/b)) times, not a + b.
 */
function merged<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): { items: T[]; from: Int32Array } {
  const items = new Array<T>(a.length + b.length);
  const from = new Int32Array(items.length);
  let i = 0;
  let k = 0;
  for (let j = 0; j < b.length; j++) {
    const place = firstAfter(a, b[j]!, i, order);
    for (; i < place; i++, k++) {
      items[k] = a[i]!;
      from[k] = i;
    }
    items[k] = b[j]!;
    from[k++] = -1 - j;
  }
  for (; i < a.length; i++, k++) {
    items[k] = a[i]!;
    from[k] = i;
  }
  return { items, from };
}

/** The first index from `start` on whose item comes after `x` in `order` (`a` in that order), or a's length. */
function firstAfter<T>(a: readonly T[], x: T, start: number, order: (x: T, y: T) => number): number {
  // Every item in [start, lo) comes before x or with it; a[hi] is the next to look at.
  let lo = start;
  let hi = start;
  for (let step = 1; hi < a.length && order(a[hi]!, x) <= 0; step *= 2) {
    lo = hi + 1;
    hi = lo + step;
  }
  hi = Math.min(hi, a.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(a[mid]!, x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Jobs with a lead: released `lead` weeks before the due week, never before w0. */
export function jobsWithLead(dueWeek: Int32Array, lead: number): Job[] {
  const out = new Array<Job>(dueWeek.length);
  for (let i = 0; i < dueWeek.length; i++) out[i] = jobDueIn(dueWeek[i]!, lead);
  return out;
}

/**
 * A unit's jobs at a lead, made once per lead and kept: a re-plan then
 * allocates only its plan (the leads are few, 0–12).
 */
const jobsMemo = new WeakMap<UnitJobs, Job[][]>();
export function unitJobs(u: UnitJobs, lead: number): readonly Job[] {
  let byLead = jobsMemo.get(u);
  if (!byLead) jobsMemo.set(u, (byLead = []));
  return (byLead[lead] ??= jobsWithLead(u.dueWeek, lead));
}

/** The catch-up week of each of a unit's backlog follow-ups, aligned with `u.backlog`. */
export function catchUpWeeks(u: UnitJobs, catchUp: number): Int32Array {
  const n = u.backlog.length;
  return Int32Array.from(u.backlog, (_, i) => catchUpWeek(i, n, catchUp));
}

/**
 * The levelling figures of SPEC §7 per unit, from the same jobs and
 * backlog the view plans (what the command line prints).
 */
export function levellingByUnit(prepared: Prepared, lead: number, catchUp = DEFAULT_CATCH_UP): Record<string, LevellingSummary> {
  const out: Record<string, LevellingSummary> = Object.create(null);
  const weeks = prepared.weeks.length;
  for (const u of prepared.units) out[u.unit] = levellingSummary(unitJobs(u, lead), weeks, backlogLoad(u.backlog.length, catchUp, weeks));
  return out;
}

/**
 * Follow-ups done after their due week when a unit can do at most
 * `capacity` a week: each week first takes the backlog due to be caught up
 * by then (it is overdue already), then what the plan puts there and what
 * is left over, earliest due first; what is left after the last week is
 * late too. Backlog follow-ups are not counted: they are late already.
 * 0 without a capacity.
 * @example lateUnderCapacity([{ release: 0, due: 0 }, { release: 0, due: 0 }], [0, 0], 2, 1) // 1
 */
export function lateUnderCapacity(
  jobs: readonly Job[],
  plan: ArrayLike<number>,
  weeks: number,
  capacity: number | null,
  backlog: ArrayLike<number> = { length: 0 },
): number {
  if (capacity === null) return 0;
  // planned[w * weeks + d]: jobs planned in week w and due in week d.
  const planned = new Int32Array(weeks * weeks);
  for (let i = 0; i < jobs.length; i++) planned[plan[i]! * weeks + jobs[i]!.due]!++;
  const pending = new Int32Array(weeks);
  let overdue = 0;
  let late = 0;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < weeks; d++) pending[d]! += planned[w * weeks + d]!;
    overdue += backlog[w] ?? 0;
    const caughtUp = Math.min(capacity, overdue);
    overdue -= caughtUp;
    let free = capacity - caughtUp;
    for (let d = 0; d < weeks && free > 0; d++) {
      const take = Math.min(free, pending[d]!);
      pending[d]! -= take;
      free -= take;
      if (d < w) late += take;
    }
  }
  for (let d = 0; d < weeks; d++) late += pending[d]!;
  return late;
}

export interface SimulationOptions {
  /** Weeks before its due week a follow-up may be started (0–12). */
  lead: number;
  policy: PolicyName;
  /** Weeks over which each unit's backlog is caught up (1–26). */
  catchUp: number;
  /** Follow-ups a unit can do in a week; null when not set. */
  capacity: number | null;
  /** One unit, or null for all (each planned on its own, loads summed). */
  unit: string | null;
}

export interface UnitPlan {
  unit: string;
  jobs: readonly Obligation[];
  /** Planned week of each job, aligned with `jobs`. */
  plan: number[];
  dueWeek: Int32Array;
  /** The overdue follow-ups, in catch-up order, and the week each is caught up in. */
  backlog: readonly Obligation[];
  catchUpWeek: Int32Array;
  /** b(t): the backlog caught up in each week. */
  backlogLoad: Int32Array;
  /** Weekly load of the plan and of doing each job as due, the backlog's load included in both. */
  load: number[];
  asDueLoad: number[];
  lowerBound: number;
  meanDaysEarly: number;
  late: number;
  asDueLate: number;
}

/** A figure for the chosen policy and for "as due", and the change in percent (null when as due is 0). */
export interface Figure {
  asDue: number;
  policy: number;
  change: number | null;
}

export interface PlanFigures {
  peak: Figure;
  /** The bound is the same for every policy; its change is against the as-due peak. */
  lowerBound: Figure;
  stdDev: Figure;
  /** Unit-weeks above the capacity; null without a capacity. */
  weeksOver: Figure | null;
  /** Overdue now, plus follow-ups the capacity would make late. */
  backlog: Figure;
  meanDaysEarly: Figure;
}

export interface Simulation {
  options: SimulationOptions;
  weeks: PlanningWeek[];
  units: UnitPlan[];
  /** Summed over the units in scope, the backlog's load included. */
  load: number[];
  asDueLoad: number[];
  /** The backlog's part of each week's load. */
  backlogLoad: number[];
  figures: PlanFigures;
}

const figure = (asDueValue: number, policy: number, base = asDueValue): Figure => ({ asDue: asDueValue, policy, change: percentChange(base, policy) });

/** The units a scope covers: one (when known) or all. */
export function unitsInScope(prepared: Prepared, unit: string | null): UnitJobs[] {
  const one = unit === null ? undefined : prepared.units.find((u) => u.unit === unit);
  return one ? [one] : prepared.units;
}

/** Re-plans for a lead, policy, catch-up, capacity and scope. */
export function simulate(prepared: Prepared, options: SimulationOptions): Simulation {
  const weeks = prepared.weeks.length;
  const policy = POLICIES[options.policy];
  const scope = unitsInScope(prepared, options.unit);
  const total = new Array<number>(weeks).fill(0);
  const totalAsDue = new Array<number>(weeks).fill(0);
  const totalBacklog = new Array<number>(weeks).fill(0);
  // Jobs in scope counted by window, and their backlog, for the bound of their summed load.
  const pooled = new Int32Array(weeks * weeks);
  let jobCount = 0;
  let earlyDays = 0;
  let over = 0;
  let overAsDue = 0;
  const units = scope.map((u): UnitPlan => {
    const jobs = unitJobs(u, options.lead);
    const b = backlogLoad(u.backlog.length, options.catchUp, weeks);
    const plan = policy(jobs, weeks, b);
    const unitLoad = load(plan, weeks, b);
    const unitAsDue = load(u.dueWeek, weeks, b);
    for (let w = 0; w < weeks; w++) {
      total[w]! += unitLoad[w]!;
      totalAsDue[w]! += unitAsDue[w]!;
      totalBacklog[w]! += b[w]!;
      if (options.capacity !== null && unitLoad[w]! > options.capacity) over++;
      if (options.capacity !== null && unitAsDue[w]! > options.capacity) overAsDue++;
    }
    const windows = windowCounts(jobs, weeks);
    for (let k = 0; k < windows.length; k++) pooled[k]! += windows[k]!;
    const early = meanDaysEarly(jobs, plan);
    jobCount += jobs.length;
    earlyDays += early * jobs.length;
    return {
      unit: u.unit,
      jobs: u.jobs,
      plan,
      dueWeek: u.dueWeek,
      backlog: u.backlog,
      catchUpWeek: catchUpWeeks(u, options.catchUp),
      backlogLoad: b,
      load: unitLoad,
      asDueLoad: unitAsDue,
      lowerBound: boundOfWindows(windows, weeks, b),
      meanDaysEarly: early,
      late: lateUnderCapacity(jobs, plan, weeks, options.capacity, b),
      asDueLate: lateUnderCapacity(jobs, u.dueWeek, weeks, options.capacity, b),
    };
  });
  const sum = (f: (u: UnitPlan) => number) => units.reduce((s, u) => s + f(u), 0);
  const peakOf = (xs: readonly number[]) => Math.max(0, ...xs);
  // With several units, no per-unit plan can bring the summed load below the bound of all their jobs and backlogs together.
  const bound = units.length === 1 ? units[0]!.lowerBound : boundOfWindows(pooled, weeks, totalBacklog);
  const backlog = sum((u) => u.backlog.length);
  return {
    options,
    weeks: prepared.weeks,
    units,
    load: total,
    asDueLoad: totalAsDue,
    backlogLoad: totalBacklog,
    figures: {
      peak: figure(peakOf(totalAsDue), peakOf(total)),
      lowerBound: figure(bound, bound, peakOf(totalAsDue)),
      stdDev: figure(stdDev(totalAsDue), stdDev(total)),
      weeksOver: options.capacity === null ? null : figure(overAsDue, over),
      backlog: figure(backlog + sum((u) => u.asDueLate), backlog + sum((u) => u.late)),
      meanDaysEarly: figure(0, jobCount === 0 ? 0 : earlyDays / jobCount),
    },
  };
}

/**
 * The plan as a heatmap's cross-tab: units × weeks for all units, or the
 * unit's caseworkers × weeks for one. Cells count planned follow-ups, split
 * by status: overdue (the backlog caught up), upcoming or projected.
 */
export function planTab(sim: Simulation, prepared: Prepared): CrossTab {
  const weeks = sim.weeks.length;
  const one = sim.units.length === 1 ? prepared.units.find((u) => u.unit === sim.units[0]!.unit) : undefined;
  const rows = one ? one.workers : sim.units.map((u) => u.unit);
  // counts[(row * weeks + week) * 3 + kind], kind 0 upcoming, 1 projected, 2 overdue
  const counts = new Int32Array(rows.length * weeks * 3);
  const byName = new Map(prepared.units.map((p) => [p.unit, p]));
  sim.units.forEach((u, r) => {
    const source = one ?? byName.get(u.unit)!;
    for (let i = 0; i < u.plan.length; i++) counts[((one ? source.worker[i]! : r) * weeks + u.plan[i]!) * 3 + source.projected[i]!]!++;
    for (let i = 0; i < u.catchUpWeek.length; i++) counts[((one ? source.backlogWorker[i]! : r) * weeks + u.catchUpWeek[i]!) * 3 + 2]!++;
  });
  let max = 0;
  const cells = rows.map((row, r) =>
    sim.weeks.map(({ key }, w) => {
      const at = (r * weeks + w) * 3;
      const byStatus = emptyStatus();
      byStatus.upcoming = counts[at]!;
      byStatus.projected = counts[at + 1]!;
      byStatus.overdue = counts[at + 2]!;
      const total = byStatus.upcoming + byStatus.projected + byStatus.overdue;
      if (total > max) max = total;
      return { row, col: key, total, byStatus };
    }),
  );
  return { rows: [...rows], cols: sim.weeks.map((w) => w.key), cells, max };
}
