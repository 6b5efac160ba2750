import { emptyStatus } from '../aggregate/status.ts';
import type { CrossTab } from '../aggregate/crosstab.ts';
import { addDays, isoWeekOf, startOfIsoWeek } from '../calendar.ts';
import { planningRange, PLANNING_WEEKS } from '../range.ts';
import type { IsoDate, Obligation, WeekLabel } from '../types.ts';
import { boundOfWindows, load, meanDaysEarly, windowCounts } from './bound.ts';
import { dueDateCounts } from './cascade.ts';
import { dueWeekOf, isJob, jobDueIn, type Job } from './jobs.ts';
import { asDue, levelled, shifted, type Policy } from './policies.ts';
import { percentChange, stdDev } from './stats.ts';

/*
 * The levelling simulation (SPEC §7, issue "levelling simulation"): what a
 * lead, a policy and a weekly capacity do to the load of the next 26 weeks.
 * Split in two so a control change is cheap: `prepareLevelling` does the
 * date work once per export (jobs and their due weeks, per unit), and
 * `simulate` only maps releases and runs the O(jobs + weeks²) planner.
 */

export const POLICY_NAMES = ['due', 'shift', 'level'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];
export const POLICIES: Readonly<Record<PolicyName, Policy>> = { due: asDue, shift: shifted, level: levelled };

export const MAX_LEAD = 12;

export interface PlanningWeek {
  /** ISO week with its year, `2025-W27`. */
  key: WeekLabel;
  /** Short label, `W27`. */
  label: string;
  monday: IsoDate;
}

/** The 26 weeks w0…w25 from the as-of week. @example planningWeeks('2025-07-02')[0] // { key: '2025-W27', label: 'W27', monday: '2025-06-30' } */
export function planningWeeks(asOf: IsoDate, weeks = PLANNING_WEEKS): PlanningWeek[] {
  const first = startOfIsoWeek(asOf);
  return Array.from({ length: weeks }, (_, i) => {
    const monday = addDays(first, 7 * i);
    const key = isoWeekOf(monday);
    return { key, label: key.slice(5), monday };
  });
}

/** One unit's part of the simulation that depends on the as-of date only. */
export interface UnitJobs {
  unit: string;
  /** The jobs (upcoming and projected follow-ups due within the 26 weeks), in due order. */
  jobs: readonly Obligation[];
  /** The due week of each job (0 = the as-of week). */
  dueWeek: Int32Array;
  /** 1 where the job is a projected follow-up, 0 where upcoming. */
  projected: Uint8Array;
  /** The unit's caseworkers with a job, in Danish order, and each job's index into them. */
  workers: string[];
  worker: Int32Array;
  /** The weekly load when every job is done as due (it does not depend on the lead). */
  asDueLoad: number[];
  /** Overdue follow-ups now: a backlog, not planned. */
  backlog: number;
  /** Open follow-ups (upcoming and overdue), where each running measure's chain goes on. */
  open: number;
  /** Their due dates, counted by date (for the cascade). */
  openDue: ReadonlyMap<IsoDate, number>;
}

export interface Prepared {
  asOf: IsoDate;
  weeks: PlanningWeek[];
  units: UnitJobs[];
}

const byDueThenCase = (a: Obligation, b: Obligation) =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0;

/**
 * Everything a re-plan needs that does not depend on lead, policy or
 * capacity. Obligations of units not listed are left out.
 */
export function prepareLevelling(obligations: readonly Obligation[], units: readonly string[], asOf: IsoDate, weeks = PLANNING_WEEKS): Prepared {
  const { last } = planningRange(asOf, weeks);
  const jobs = new Map(units.map((u) => [u, [] as Obligation[]]));
  const openDue = new Map(units.map((u) => [u, [] as IsoDate[]]));
  const backlog = new Map(units.map((u) => [u, 0]));
  for (const o of obligations) {
    const mine = jobs.get(o.unit);
    if (!mine) continue;
    if (isJob(o, last)) mine.push(o);
    if (o.status === 'upcoming' || o.status === 'overdue') openDue.get(o.unit)!.push(o.due);
    if (o.status === 'overdue') backlog.set(o.unit, backlog.get(o.unit)! + 1);
  }
  return {
    asOf,
    weeks: planningWeeks(asOf, weeks),
    units: units.map((unit) => {
      const list = jobs.get(unit)!.sort(byDueThenCase);
      const dueWeek = Int32Array.from(list, (o) => dueWeekOf(asOf, o.due));
      const workers = [...new Set(list.map((o) => o.caseworker))].sort((a, b) => a.localeCompare(b, 'da'));
      const workerAt = new Map(workers.map((w, i) => [w, i]));
      const open = openDue.get(unit)!;
      return {
        unit,
        jobs: list,
        dueWeek,
        projected: Uint8Array.from(list, (o) => (o.status === 'projected' ? 1 : 0)),
        workers,
        worker: Int32Array.from(list, (o) => workerAt.get(o.caseworker)!),
        asDueLoad: load(dueWeek, weeks),
        backlog: backlog.get(unit)!,
        open: open.length,
        openDue: dueDateCounts(open),
      };
    }),
  };
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


/**
 * Follow-ups done after their due week when a unit can do at most
 * `capacity` a week: each week takes what the plan puts there plus what is
 * left over, earliest due first; what is left after the last week is late
 * too. 0 without a capacity.
 * @example lateUnderCapacity([{ release: 0, due: 0 }, { release: 0, due: 0 }], [0, 0], 2, 1) // 1
 */
export function lateUnderCapacity(jobs: readonly Job[], plan: ArrayLike<number>, weeks: number, capacity: number | null): number {
  if (capacity === null) return 0;
  // planned[w * weeks + d]: jobs planned in week w and due in week d.
  const planned = new Int32Array(weeks * weeks);
  for (let i = 0; i < jobs.length; i++) planned[plan[i]! * weeks + jobs[i]!.due]!++;
  const pending = new Int32Array(weeks);
  let late = 0;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < weeks; d++) pending[d]! += planned[w * weeks + d]!;
    let free = capacity;
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
  load: number[];
  asDueLoad: number[];
  lowerBound: number;
  meanDaysEarly: number;
  backlog: number;
  late: number;
  asDueLate: number;
}

/** A figure for the chosen policy and for "as due", and the change in percent (null when as due is 0). */
export interface Figure {
  asDue: number;
  policy: number;
  change: number | null;
}

export interface Figures {
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
  /** Summed over the units in scope. */
  load: number[];
  asDueLoad: number[];
  figures: Figures;
}

const figure = (asDueValue: number, policy: number, base = asDueValue): Figure => ({ asDue: asDueValue, policy, change: percentChange(base, policy) });

/** The units a scope covers: one (when known) or all. */
export function unitsInScope(prepared: Prepared, unit: string | null): UnitJobs[] {
  const one = unit === null ? undefined : prepared.units.find((u) => u.unit === unit);
  return one ? [one] : prepared.units;
}

/** Re-plans for a lead, policy, capacity and scope. */
export function simulate(prepared: Prepared, options: SimulationOptions): Simulation {
  const weeks = prepared.weeks.length;
  const policy = POLICIES[options.policy];
  const scope = unitsInScope(prepared, options.unit);
  const total = new Array<number>(weeks).fill(0);
  const totalAsDue = new Array<number>(weeks).fill(0);
  // Jobs in scope counted by window, for the bound of their summed load.
  const pooled = new Int32Array(weeks * weeks);
  let jobCount = 0;
  let earlyDays = 0;
  let over = 0;
  let overAsDue = 0;
  const units = scope.map((u): UnitPlan => {
    const jobs = unitJobs(u, options.lead);
    const plan = policy(jobs, weeks);
    const unitLoad = load(plan, weeks);
    const unitAsDue = u.asDueLoad;
    for (let w = 0; w < weeks; w++) {
      total[w]! += unitLoad[w]!;
      totalAsDue[w]! += unitAsDue[w]!;
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
      load: unitLoad,
      asDueLoad: unitAsDue,
      lowerBound: boundOfWindows(windows, weeks),
      meanDaysEarly: early,
      backlog: u.backlog,
      late: lateUnderCapacity(jobs, plan, weeks, options.capacity),
      asDueLate: lateUnderCapacity(jobs, u.dueWeek, weeks, options.capacity),
    };
  });
  const sum = (f: (u: UnitPlan) => number) => units.reduce((s, u) => s + f(u), 0);
  const peakOf = (xs: readonly number[]) => Math.max(0, ...xs);
  // With several units, no per-unit plan can bring the summed load below the bound of all their jobs together.
  const bound = units.length === 1 ? units[0]!.lowerBound : boundOfWindows(pooled, weeks);
  const backlog = sum((u) => u.backlog);
  return {
    options,
    weeks: prepared.weeks,
    units,
    load: total,
    asDueLoad: totalAsDue,
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
 * by status (upcoming or projected).
 */
export function planTab(sim: Simulation, prepared: Prepared): CrossTab {
  const weeks = sim.weeks.length;
  const one = sim.units.length === 1 ? prepared.units.find((u) => u.unit === sim.units[0]!.unit) : undefined;
  const rows = one ? one.workers : sim.units.map((u) => u.unit);
  // counts[(row * weeks + week) * 2 + projected]
  const counts = new Int32Array(rows.length * weeks * 2);
  sim.units.forEach((u, r) => {
    const source = one ?? prepared.units.find((p) => p.unit === u.unit)!;
    const plan = u.plan;
    for (let i = 0; i < plan.length; i++) counts[((one ? source.worker[i]! : r) * weeks + plan[i]!) * 2 + source.projected[i]!]!++;
  });
  let max = 0;
  const cells = rows.map((row, r) =>
    sim.weeks.map(({ key }, w) => {
      const byStatus = emptyStatus();
      byStatus.upcoming = counts[(r * weeks + w) * 2]!;
      byStatus.projected = counts[(r * weeks + w) * 2 + 1]!;
      const total = byStatus.upcoming + byStatus.projected;
      if (total > max) max = total;
      return { row, col: key, total, byStatus };
    }),
  );
  return { rows: [...rows], cols: sim.weeks.map((w) => w.key), cells, max };
}
