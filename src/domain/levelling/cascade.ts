import { addMonths, addMonthsToDay, dayNumber, firstWorkdayAfter } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/*
 * The cost of starting early (SPEC §7, last paragraph): a follow-up done
 * early starts the next interval early, so over a year an early habit adds
 * follow-ups. Each running measure's chain is played forward from its open
 * obligation: an upcoming one, and every later one, done `earlyDays` before
 * it is due but never before the first workday after the as-of date; an
 * overdue one on its catch-up day (SPEC §7.1), whatever the policy. The
 * follow-ups done up to the end of each period are counted.
 */

/**
 * Due dates, or catch-up days: a list, or (faster, as many share a date)
 * each distinct date with how many fall on it.
 */
export type OpenDue = readonly IsoDate[] | ReadonlyMap<IsoDate, number>;

const NONE: ReadonlyMap<IsoDate, number> = new Map();

/** Counts dates. @example dueDateCounts(['2025-07-31', '2025-07-31']) // Map { '2025-07-31' => 2 } */
export function dueDateCounts(dues: Iterable<IsoDate>): Map<IsoDate, number> {
  const out = new Map<IsoDate, number>();
  for (const d of dues) out.set(d, (out.get(d) ?? 0) + 1);
  return out;
}

const counted = (dates: OpenDue): ReadonlyMap<IsoDate, number> => (Array.isArray(dates) ? dueDateCounts(dates) : (dates as ReadonlyMap<IsoDate, number>));

/**
 * Follow-ups done from the first workday after `asOf` to `asOf + months`
 * when each is done `earlyDays` early; `caughtUp` are the backlog's
 * catch-up days, each a follow-up done that day.
 * @example cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 28) // 3 (as due: 2)
 */
export function cascadeCount(openDue: OpenDue, asOf: IsoDate, months: number, interval: number, earlyDays: number, caughtUp: OpenDue = NONE): number {
  return cascadeCounts(openDue, asOf, [months], interval, earlyDays, caughtUp)[0]!;
}

/**
 * `cascadeCount` for several periods at once, in one walk of the chains
 * (on day numbers: the walk is what a control change waits for).
 * @example cascadeCounts(['2025-07-31'], '2025-07-01', [12, 24], 6, 28) // [3, 5]
 */
export function cascadeCounts(
  openDue: OpenDue,
  asOf: IsoDate,
  periods: readonly number[],
  interval: number,
  earlyDays: number,
  caughtUp: OpenDue = NONE,
): number[] {
  const start = dayNumber(firstWorkdayAfter(asOf));
  const ends = periods.map((months) => dayNumber(addMonths(asOf, months)));
  const last = Math.max(...ends);
  const early = Math.max(0, Math.round(earlyDays));
  const counts = periods.map(() => 0);
  const count = (done: number, times: number) => {
    for (let p = 0; p < ends.length; p++) if (done <= ends[p]!) counts[p]! += times;
  };
  /**
   * The chain after a follow-up done on `done`, each next one done early,
   * but never on or before the day the one before it was done (days early
   * as long as the interval would otherwise play a chain without end).
   */
  const walk = (done: number, times: number) => {
    for (;;) {
      done = Math.max(start, done + 1, addMonthsToDay(done, interval) - early);
      if (done > last) return;
      count(done, times);
    }
  };
  // Chains that start on one date run alike, so each date is played once.
  for (const [day, times] of counted(caughtUp)) {
    const done = dayNumber(day);
    if (done > last) continue;
    count(done, times);
    walk(done, times);
  }
  for (const [first, times] of counted(openDue)) {
    const done = Math.max(start, dayNumber(first) - early);
    if (done > last) continue;
    count(done, times);
    walk(done, times);
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
export function cascadeCost(openDue: OpenDue, asOf: IsoDate, months: number, interval: number, earlyDays: number, caughtUp: OpenDue = NONE): CascadeCost {
  const asDue = cascadeCount(openDue, asOf, months, interval, 0, caughtUp);
  const withPolicy = cascadeCount(openDue, asOf, months, interval, earlyDays, caughtUp);
  return { months, asDue, withPolicy, extraPerYear: ((withPolicy - asDue) * 12) / months };
}
