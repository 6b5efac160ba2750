import { byText, danishOrder } from '../collate.ts';
import { dueWeekOf } from '../levelling/jobs.ts';
import { planningRange, PLANNING_WEEKS } from '../range.ts';
import type { EventRecord, IsoDate, Measure, Obligation } from '../types.ts';
import { ownerAt } from '../obligations.ts';
import { orderByRanks, ranked } from '../ranks.ts';
import { DEFAULT_CASE_WEIGHT, DEFAULT_WEEKS_AHEAD, MAX_CASE_WEIGHT } from './limits.ts';

/*
 * SPEC §10: a unit's cases, who holds each, and what each weighs.
 *
 * The holders need the measures' rows, the weights need the obligations
 * (and so the catch-up of the backlog, which the page can change without
 * reading the file again). So they are two steps: `caseHolders` once per
 * export, in the analysis worker, and `weighCases` whenever the weeks
 * looked ahead, the case weight or the catch-up change.
 */

export { DEFAULT_CASE_WEIGHT, DEFAULT_WEEKS_AHEAD, MAX_CASE_WEIGHT } from './limits.ts';

/** A case with at least one running measure, and who holds it. */
export interface CaseHolder {
  caseId: string;
  /** The unit of the latest accepted row of its running measures (later in the file on equal dates). */
  unit: string;
  /** That row's caseworker; `''` when it names none (held by nobody). */
  caseworker: string;
  /** The distinct measure types of its running measures, in Danish order. */
  measureTypes: string[];
}

/** A case with its weight: the case weight plus its follow-ups in the weeks looked ahead. */
export interface WeighedCase extends CaseHolder {
  weight: number;
  /** The follow-ups counted in the weight: overdue, or due in a week before w(H). */
  followUps: number;
}

export interface WeightOptions {
  /** H: weeks looked ahead (default 13, 0–26); follow-ups due in w0 … w(H − 1) count. */
  weeks?: number;
  /** What holding a case weighs by itself (default 1, 0–100). */
  caseWeight?: number;
}

const later = (a: EventRecord, b: EventRecord): boolean => a.date > b.date || (a.date === b.date && a.index > b.index);

/** @example checkWeeksAhead(30) // throws: invalid weeks ahead */
export function checkWeeksAhead(weeks: number): number {
  if (!Number.isInteger(weeks) || weeks < 0 || weeks > PLANNING_WEEKS) {
    throw new RangeError(`invalid weeks ahead: ${weeks} (a whole number of weeks from 0 to ${PLANNING_WEEKS}, the planning range)`);
  }
  return weeks;
}

/** @example checkCaseWeight(-1) // throws: invalid case weight */
export function checkCaseWeight(weight: number): number {
  if (!Number.isFinite(weight) || weight < 0 || weight > MAX_CASE_WEIGHT) {
    throw new RangeError(`invalid case weight: ${weight} (a number from 0 to ${MAX_CASE_WEIGHT})`);
  }
  return weight;
}

/**
 * Every case with a running measure, with its unit and holder, sorted by
 * unit (Danish order) and case id.
 * @example caseHolders(measures)[0] // { caseId: 'C1', unit: 'Amager', caseworker: 'AB', measureTypes: ['anbringelse'] }
 */
export function caseHolders(measures: readonly Measure[]): CaseHolder[] {
  const latest = new Map<string, EventRecord>();
  const types = new Map<string, Set<string>>();
  for (const m of measures) {
    if (m.end !== null) continue;
    const row = ownerAt(m.rows)(null);
    const known = latest.get(m.caseId);
    if (known === undefined || later(row, known)) latest.set(m.caseId, row);
    const set = types.get(m.caseId) ?? new Set<string>();
    if (m.measureType !== '') set.add(m.measureType);
    types.set(m.caseId, set);
  }
  const holders = [...latest].map(([caseId, row]): CaseHolder => ({ caseId, unit: row.unit, caseworker: row.caseworker, measureTypes: [...types.get(caseId)!].sort(danishOrder) }));
  // A national export has 100,000s of cases and a few hundred units: each unit compared once, as a rank.
  const order = orderByRanks(holders.length, [ranked(holders, (h) => h.unit, danishOrder)], (i, j) => byText(holders[i]!.caseId, holders[j]!.caseId));
  return Array.from(order, (i) => holders[i]!);
}

/**
 * The cases with their weights: `caseWeight` plus the obligations of their
 * running measures that are overdue, or upcoming or projected with a due
 * week (SPEC §7.2) before w(H).
 * @example weighCases(holders, obligations, '2025-06-30', { weeks: 13 })[0].weight // 3
 */
export function weighCases(holders: readonly CaseHolder[], obligations: readonly Obligation[], asOf: IsoDate, options: WeightOptions = {}): WeighedCase[] {
  const weeks = checkWeeksAhead(options.weeks ?? DEFAULT_WEEKS_AHEAD);
  const caseWeight = checkCaseWeight(options.caseWeight ?? DEFAULT_CASE_WEIGHT);
  const range = planningRange(asOf);
  const counts = new Map<string, number>();
  for (const o of obligations) {
    if (o.measureEnd !== null) continue;
    const counted = o.status === 'overdue' || ((o.status === 'upcoming' || o.status === 'projected') && dueWeekOf(range, o.due) < weeks);
    if (counted) counts.set(o.caseId, (counts.get(o.caseId) ?? 0) + 1);
  }
  return holders.map((h) => {
    const followUps = counts.get(h.caseId) ?? 0;
    return { ...h, followUps, weight: caseWeight + followUps };
  });
}
