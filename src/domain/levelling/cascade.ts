import { addDays, addMonths } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/*
 * The cost of starting early (SPEC §7, last paragraph): a follow-up done
 * early starts the next interval early, so over a year an early habit adds
 * follow-ups. Each running measure's chain is played forward from its open
 * obligation, every follow-up done `earlyDays` before it is due (never
 * before the as-of date), and the follow-ups inside the period counted.
 */

/**
 * Follow-ups done in (asOf, asOf + months] when each is done `earlyDays` early.
 * @example cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 28) // 3 (as due: 2)
 */
export function cascadeCount(openDue: readonly IsoDate[], asOf: IsoDate, months: number, interval: number, earlyDays: number): number {
  const end = addMonths(asOf, months);
  const early = Math.max(0, Math.round(earlyDays));
  let count = 0;
  for (const first of openDue) {
    let due = first;
    for (;;) {
      const before = addDays(due, -early);
      const done = before < asOf ? asOf : before;
      if (done > end) break;
      count++;
      due = addMonths(done, interval);
    }
  }
  return count;
}

export interface CascadeCost {
  months: number;
  asDue: number;
  withPolicy: number;
  /** Extra follow-ups per year the policy costs over doing each as due. */
  extraPerYear: number;
}

/** The cascade of a policy against "as due", over a period. */
export function cascadeCost(openDue: readonly IsoDate[], asOf: IsoDate, months: number, interval: number, earlyDays: number): CascadeCost {
  const asDue = cascadeCount(openDue, asOf, months, interval, 0);
  const withPolicy = cascadeCount(openDue, asOf, months, interval, earlyDays);
  return { months, asDue, withPolicy, extraPerYear: ((withPolicy - asDue) * 12) / months };
}
