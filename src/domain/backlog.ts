import { addDays } from './calendar.ts';
import { MAX_CATCH_UP } from './catchUpLimits.ts';
import type { IsoDate, Obligation } from './types.ts';

/*
 * SPEC §7.1: a unit's backlog (its overdue obligations) is cleared evenly
 * over the first `catchUp` weeks, oldest first. The i-th of n is done in
 * catch-up week floor(i × catchUp / n), on the first workday + 7 × that
 * week. The week loads depend only on n and catchUp; which follow-up lands
 * in which week depends on the order.
 */

export { DEFAULT_CATCH_UP, MAX_CATCH_UP } from './catchUpLimits.ts';

/** @example checkCatchUp(0) // throws: invalid catch-up */
export function checkCatchUp(weeks: number): number {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_CATCH_UP) {
    throw new RangeError(`invalid catch-up: ${weeks} (a whole number of weeks from 1 to ${MAX_CATCH_UP})`);
  }
  return weeks;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The backlog's order: due date, then case id, then measure id, code unit by code unit. */
export function backlogOrder(a: Pick<Obligation, 'due' | 'caseId' | 'measureId'>, b: Pick<Obligation, 'due' | 'caseId' | 'measureId'>): number {
  return compare(a.due, b.due) || compare(a.caseId, b.caseId) || compare(a.measureId, b.measureId);
}

/** The catch-up week of the i-th of n (from 0). @example catchUpWeek(5, 9, 2) // 1 */
export function catchUpWeek(i: number, n: number, catchUp: number): number {
  return Math.floor((i * catchUp) / n);
}

/**
 * b(t): how many of a backlog of n are done in each week of the range.
 * @example backlogLoad(9, 2, 4) // Int32Array [5, 4, 0, 0]
 */
export function backlogLoad(n: number, catchUp: number, weeks: number): Int32Array {
  const out = new Int32Array(weeks);
  for (let i = 0; i < n; i++) out[catchUpWeek(i, n, catchUp)]!++;
  return out;
}

/**
 * The catch-up day of each of a unit's overdue obligations, aligned with
 * the list given (in any order).
 * @example catchUpDays([{ due: '2025-05-01', caseId: 'C1', measureId: 'M1' }], '2025-07-01', 4) // ['2025-07-01']
 */
export function catchUpDays(
  backlog: readonly Pick<Obligation, 'due' | 'caseId' | 'measureId'>[],
  firstWorkday: IsoDate,
  catchUp: number,
): IsoDate[] {
  return catchUpDaysOf(backlogRanks(backlog), firstWorkday, catchUp);
}

/** Where each of a unit's overdue obligations comes in the backlog's order (0 = caught up first), aligned with the list given. */
export function backlogRanks(backlog: readonly Pick<Obligation, 'due' | 'caseId' | 'measureId'>[]): Int32Array {
  const order = backlog.map((_, i) => i).sort((i, j) => backlogOrder(backlog[i]!, backlog[j]!));
  const rank = new Int32Array(backlog.length);
  order.forEach((at, i) => (rank[at] = i));
  return rank;
}

/** The catch-up day of each overdue obligation from its rank (`backlogRanks`): the rank does not depend on the catch-up, the day does. */
export function catchUpDaysOf(rank: Int32Array, firstWorkday: IsoDate, catchUp: number): IsoDate[] {
  const days = Array.from({ length: catchUp }, (_, week) => addDays(firstWorkday, 7 * week));
  return Array.from(rank, (i) => days[catchUpWeek(i, rank.length, catchUp)]!);
}
