import { backlogLoad } from '../backlog.ts';
import { addDays } from '../calendar.ts';
import { cascadeCounts } from './cascade.ts';
import { levelled, shifted } from './policies.ts';
import { meanDaysEarly } from './bound.ts';
import { unitJobs, unitsInScope, type PolicyName, type Prepared, type UnitJobs } from './simulate.ts';

/*
 * What each policy costs (SPEC §7, last paragraph): a follow-up done early
 * moves the next one earlier, so a unit that works `meanDaysEarly` days
 * ahead does more follow-ups a year. Per unit, over 12 and 24 months. The
 * backlog is caught up on its catch-up days under every policy.
 */

export const COST_PERIODS = [12, 24] as const;

export interface PeriodCost {
  months: number;
  /** Follow-ups in the period when each is done as due. */
  asDue: number;
  withPolicy: number;
  extraPerYear: number;
}

export interface PolicyCost {
  meanDaysEarly: number;
  periods: PeriodCost[];
}

export interface UnitCost {
  unit: string;
  /** Running measures' open follow-ups (upcoming and overdue): where the chains start. */
  open: number;
  policies: Record<PolicyName, PolicyCost>;
}

/** The backlog's catch-up days, counted by day: a unit's backlog is caught up on at most `catchUp` days. */
function caughtUpDays(prepared: Prepared, u: UnitJobs, catchUp: number): Map<string, number> {
  const out = new Map<string, number>();
  backlogLoad(u.backlog.length, catchUp, catchUp).forEach((n, week) => {
    if (n > 0) out.set(addDays(prepared.range.firstWorkday, 7 * week), n);
  });
  return out;
}

/**
 * Chains played forward are the costly part: remembered per unit's open
 * follow-ups (which another catch-up leaves as they are), with the size of
 * its backlog, the periods, the catch-up and whole days early.
 */
const memo = new WeakMap<UnitJobs['openDue'], Map<string, number[]>>();

function counts(prepared: Prepared, u: UnitJobs, periods: readonly number[], interval: number, catchUp: number, early: number): number[] {
  let cache = memo.get(u.openDue);
  if (!cache) memo.set(u.openDue, (cache = new Map()));
  const days = Math.max(0, Math.round(early));
  const key = `${prepared.asOf}|${u.backlog.length}|${periods.join(',')}|${interval}|${catchUp}|${days}`;
  let n = cache.get(key);
  if (n === undefined) {
    n = cascadeCounts(u.openDue, prepared.asOf, periods, interval, days, caughtUpDays(prepared, u, catchUp));
    cache.set(key, n);
  }
  return n;
}

/** Mean days early of the shifted and levelled plans depend on the unit, lead and catch-up only: kept. */
const earlyMemo = new WeakMap<UnitJobs, Map<string, { shift: number; level: number }>>();

function earlyOf(u: UnitJobs, lead: number, catchUp: number, weeks: number): { shift: number; level: number } {
  let byLead = earlyMemo.get(u);
  if (!byLead) earlyMemo.set(u, (byLead = new Map()));
  const key = `${lead}|${catchUp}`;
  let early = byLead.get(key);
  if (!early) {
    const jobs = unitJobs(u, lead);
    const b = backlogLoad(u.backlog.length, catchUp, weeks);
    early = { shift: meanDaysEarly(jobs, shifted(jobs, weeks, b)), level: meanDaysEarly(jobs, levelled(jobs, weeks, b)) };
    byLead.set(key, early);
  }
  return early;
}

/** What the costs are worked out for. */
export interface CostOptions {
  lead: number;
  catchUp: number;
  unit: string | null;
  /** Months between follow-ups, the chains' step. */
  interval: number;
}

/**
 * Per unit in scope, each policy's mean days early at this lead and the
 * follow-ups it leads to over each period, against doing each as due.
 */
export function policyCosts(prepared: Prepared, { lead, catchUp, unit, interval }: CostOptions, periods: readonly number[] = COST_PERIODS): UnitCost[] {
  const weeks = prepared.weeks.length;
  return unitsInScope(prepared, unit).map((u) => {
    const early: Record<PolicyName, number> = { due: 0, ...earlyOf(u, lead, catchUp, weeks) };
    const asDue = counts(prepared, u, periods, interval, catchUp, 0);
    const costOf = (days: number): PolicyCost => {
      const withPolicy = counts(prepared, u, periods, interval, catchUp, days);
      return {
        meanDaysEarly: days,
        periods: periods.map((months, i) => ({
          months,
          asDue: asDue[i]!,
          withPolicy: withPolicy[i]!,
          extraPerYear: ((withPolicy[i]! - asDue[i]!) * 12) / months,
        })),
      };
    };
    let upcoming = 0;
    for (const n of u.openDue.values()) upcoming += n;
    return { unit: u.unit, open: upcoming + u.backlog.length, policies: { due: costOf(early.due), shift: costOf(early.shift), level: costOf(early.level) } };
  });
}

/** The units' costs added up (mean days early weighted by open follow-ups is not meaningful, so it is left at 0). */
export function totalCost(costs: readonly UnitCost[]): Omit<UnitCost, 'unit'> {
  const add = (policy: PolicyName): PolicyCost => ({
    meanDaysEarly: 0,
    periods: (costs[0]?.policies[policy].periods ?? []).map((p, i) => {
      const asDue = costs.reduce((s, c) => s + c.policies[policy].periods[i]!.asDue, 0);
      const withPolicy = costs.reduce((s, c) => s + c.policies[policy].periods[i]!.withPolicy, 0);
      return { months: p.months, asDue, withPolicy, extraPerYear: ((withPolicy - asDue) * 12) / p.months };
    }),
  });
  return { open: costs.reduce((s, c) => s + c.open, 0), policies: { due: add('due'), shift: add('shift'), level: add('level') } };
}
