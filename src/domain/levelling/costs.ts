import { cascadeCounts } from './cascade.ts';
import { levelled, shifted } from './policies.ts';
import { meanDaysEarly } from './bound.ts';
import { unitJobs, unitsInScope, type PolicyName, type Prepared, type UnitJobs } from './simulate.ts';

/*
 * What each policy costs (SPEC §7, last paragraph): a follow-up done early
 * moves the next one earlier, so a unit that works `meanDaysEarly` days
 * ahead does more follow-ups a year. Per unit, over 12 and 24 months.
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
  /** Running measures' open follow-ups: where the chains start. */
  open: number;
  policies: Record<PolicyName, PolicyCost>;
}

/** Chains played forward are the costly part: remembered per unit, periods and whole days early. */
const memo = new WeakMap<Prepared, Map<string, number[]>>();

function counts(prepared: Prepared, unit: number, periods: readonly number[], interval: number, early: number): number[] {
  let cache = memo.get(prepared);
  if (!cache) memo.set(prepared, (cache = new Map()));
  const days = Math.max(0, Math.round(early));
  const key = `${unit}|${periods.join(',')}|${interval}|${days}`;
  let n = cache.get(key);
  if (n === undefined) cache.set(key, (n = cascadeCounts(prepared.units[unit]!.openDue, prepared.asOf, periods, interval, days)));
  return n;
}

/** Mean days early of the shifted and levelled plans depend on the unit and lead only: kept. */
const earlyMemo = new WeakMap<UnitJobs, { shift: number; level: number }[]>();

function earlyOf(u: UnitJobs, lead: number, weeks: number): { shift: number; level: number } {
  let byLead = earlyMemo.get(u);
  if (!byLead) earlyMemo.set(u, (byLead = []));
  return (byLead[lead] ??= (() => {
    const jobs = unitJobs(u, lead);
    return { shift: meanDaysEarly(jobs, shifted(jobs, weeks)), level: meanDaysEarly(jobs, levelled(jobs, weeks)) };
  })());
}

/**
 * Per unit in scope, each policy's mean days early at this lead and the
 * follow-ups it leads to over each period, against doing each as due.
 */
export function policyCosts(prepared: Prepared, lead: number, unit: string | null, interval: number, periods: readonly number[] = COST_PERIODS): UnitCost[] {
  const weeks = prepared.weeks.length;
  return unitsInScope(prepared, unit).map((u) => {
    const at = prepared.units.indexOf(u);
    const early: Record<PolicyName, number> = { due: 0, ...earlyOf(u, lead, weeks) };
    const asDue = counts(prepared, at, periods, interval, 0);
    const costOf = (days: number): PolicyCost => {
      const withPolicy = counts(prepared, at, periods, interval, days);
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
    return { unit: u.unit, open: u.open, policies: { due: costOf(early.due), shift: costOf(early.shift), level: costOf(early.level) } };
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
