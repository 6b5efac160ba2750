import { addMonths, addMonthsToDay, dayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/*
 * The cost of starting early (SPEC §7, last paragraph): a follow-up done
 * early starts the next interval early, so over a year an early habit adds
 * follow-ups. Each running measure's chain is played forward from its open
 * obligation, every follow-up done `earlyDays` before it is due (never
 * before the as-of date), and the follow-ups inside the period counted.
 */

/**
 * The open obligations' due dates: a list, or (faster, as many share a
 * date) each distinct date with how many fall due on it.
 */
export type OpenDue = readonly IsoDate[] | ReadonlyMap<IsoDate, number>;

/** Counts due dates by date. @example dueDateCounts(['2025-07-31', '2025-07-31']) // Map { '2025-07-31' => 2 } */
export function dueDateCounts(dues: Iterable<IsoDate>): Map<IsoDate, number> {
  const out = new Map<IsoDate, number>();
  for (const d of dues) out.set(d, (out.get(d) ?? 0) + 1);
  return out;
}

/**
 * Follow-ups done in [asOf, asOf + months] when each is done `earlyDays` early
 * (an overdue one is done on the as-of date, and counts).
 * @example cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 28) // 3 (as due: 2)
 */
export function cascadeCount(openDue: OpenDue, asOf: IsoDate, months: number, interval: number, earlyDays: number): number {
  return cascadeCounts(openDue, asOf, [months], interval, earlyDays)[0]!;
}

/**
 * `cascadeCount` for several periods at once, in one walk of the chains
 * (on day numbers: the walk is what a control change waits for).
 * @example cascadeCounts(['2025-07-31'], '2025-07-01', [12, 24], 6, 28) // [3, 5]
 */
export function cascadeCounts(openDue: OpenDue, asOf: IsoDate, periods: readonly number[], interval: number, earlyDays: number): number[] {
  const start = dayNumber(asOf);
  const ends = periods.map((months) => dayNumber(addMonths(asOf, months)));
  const last = Math.max(...ends);
  const early = Math.max(0, Math.round(earlyDays));
  const byDate = Array.isArray(openDue) ? dueDateCounts(openDue) : (openDue as ReadonlyMap<IsoDate, number>);
  const counts = periods.map(() => 0);
  // Chains that start on one date run alike, so each date is played once.
  for (const [first, times] of byDate) {
    let due = dayNumber(first);
    for (;;) {
      const done = Math.max(start, due - early);
      if (done > last) break;
      for (let p = 0; p < ends.length; p++) if (done <= ends[p]!) counts[p]! += times;
      due = addMonthsToDay(done, interval);
    }
  }
  return counts;
}

export interface CascadeCost {
  months: number;
  asDue: number;
  withPolicy: number;
  /** Extra follow-ups per year the policy costs over doing each as due. */
  extraPerYear: number;
}

/** The cascade of a policy against "as due", over a period. */
export function cascadeCost(openDue: OpenDue, asOf: IsoDate, months: number, interval: number, earlyDays: number): CascadeCost {
  const asDue = cascadeCount(openDue, asOf, months, interval, 0);
  const withPolicy = cascadeCount(openDue, asOf, months, interval, earlyDays);
  return { months, asDue, withPolicy, extraPerYear: ((withPolicy - asDue) * 12) / months };
}
