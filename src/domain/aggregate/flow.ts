import { addDays, dayNumber, startOfIsoWeek } from '../calendar.ts';
import type { CfdPoint, IsoDate, Obligation } from '../types.ts';
import { bisect } from './cfd.ts';
import { perUnit } from './group.ts';

/*
 * What a LEAN reader asks of a cumulative flow besides its bands: the
 * weekly grain, the cumulative due line, all units together, and the flow
 * statistics over a chosen range.
 */

/**
 * Weekly sample dates: the Sunday of each ISO week from the week of `from`
 * up to the as-of week, and the as-of date itself for that week.
 * @example weeklyFlowDates('2025-06-01', '2025-06-11') // ['2025-06-01', '2025-06-08', '2025-06-11']
 */
export function weeklyFlowDates(from: IsoDate, asOf: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let sunday = addDays(startOfIsoWeek(from), 6); sunday < asOf; sunday = addDays(sunday, 7)) out.push(sunday);
  out.push(asOf);
  return out;
}

/**
 * Obligations (projected ones left out) due on or before each date, per
 * unit: drawn over the bands, the gap to `done` reads as the backlog.
 */
export function cumulativeDue(obligations: readonly Obligation[], units: readonly string[], dates: readonly IsoDate[]): Record<string, number[]> {
  const n = dates.length;
  // Each obligation counts from the first sample on or after its due date: one mark there, summed once.
  const marks = perUnit(units, () => new Int32Array(n + 1));
  for (const o of obligations) {
    if (o.status === 'projected') continue;
    const unit = marks[o.unit];
    if (!unit) continue;
    unit[bisect(dates, o.due, false)]!++;
  }
  const out: Record<string, number[]> = Object.create(null);
  for (const unit of units) {
    const m = marks[unit]!;
    let sum = 0;
    out[unit] = Array.from({ length: n }, (_, i) => (sum += m[i]!));
  }
  return out;
}

/** The flow of several units added date by date (the "all units" chart). */
export function sumFlows(flows: readonly (readonly CfdPoint[])[]): CfdPoint[] {
  const first = flows[0];
  if (!first) return [];
  return first.map((p, i) => {
    const sum: CfdPoint = { date: p.date, created: 0, done: 0, missed: 0, overdue: 0, upcoming: 0 };
    for (const f of flows) {
      const q = f[i]!;
      sum.created += q.created;
      sum.done += q.done;
      sum.missed += q.missed;
      sum.overdue += q.overdue;
      sum.upcoming += q.upcoming;
    }
    return sum;
  });
}

export interface FlowStats {
  from: IsoDate;
  to: IsoDate;
  /** Mean open obligations (overdue + upcoming) over the samples in range. */
  avgWip: number;
  /** Obligations completed per month (30.44 days) in the range. */
  throughputPerMonth: number;
  /** Little's law: mean time an obligation is open, in days (null without throughput). */
  daysInSystem: number | null;
  /** Of the obligations completed in the range, the share done by their due date (null if none). */
  shareOnTime: number | null;
  completed: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * How many obligations were completed, and completed by their due date, up
 * to each sample date (counts from before the first sample are in neither):
 * the on-time share of any range is then two subtractions, so choosing a
 * range with the brush does not go through every obligation again.
 */
export interface Completions {
  dates: readonly IsoDate[];
  /** done[k]: completed after dates[0] and by dates[k]; onTime[k] likewise, of those done by their due date. */
  done: Int32Array;
  onTime: Int32Array;
}

/** @example completionsAt(obligations, points.map((p) => p.date)).done.at(-1) */
export function completionsAt(obligations: Iterable<Obligation>, dates: readonly IsoDate[]): Completions {
  const n = dates.length;
  const done = new Int32Array(n);
  const onTime = new Int32Array(n);
  if (n === 0) return { dates, done, onTime };
  const first = dates[0]!;
  const last = dates[n - 1]!;
  for (const o of obligations) {
    if (o.status === 'projected' || o.completed === null || o.completed <= first || o.completed > last) continue;
    // The first sample on or after the completion (after the first, by the test above): it counts from there.
    const k = bisect(dates, o.completed, false);
    done[k]!++;
    if (o.completed <= o.due) onTime[k]!++;
  }
  for (let k = 1; k < n; k++) {
    done[k]! += done[k - 1]!;
    onTime[k]! += onTime[k - 1]!;
  }
  return { dates, done, onTime };
}

/**
 * Flow statistics over the samples from index `i` to `j` (inclusive) of a
 * unit's flow, with the completions behind it (at the flow's own dates)
 * for the on-time share. Little's law (time = WIP / throughput) holds for
 * a stable system: as many obligations arrive as leave over the range,
 * measured long enough.
 */
export function flowStats(points: readonly CfdPoint[], completions: Completions, i: number, j: number): FlowStats | null {
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  const a = points[lo];
  const b = points[hi];
  if (!a || !b) return null;
  const inRange = points.slice(lo, hi + 1);
  const avgWip = inRange.reduce((s, p) => s + p.overdue + p.upcoming, 0) / inRange.length;
  const days = Math.max(1, dayNumber(b.date) - dayNumber(a.date));
  const completed = b.done - a.done;
  const throughputPerMonth = (completed / days) * DAYS_PER_MONTH;
  // Completed after a.date and by b.date.
  const count = (c: Int32Array) => (c[hi] ?? 0) - (c[lo] ?? 0);
  const done = count(completions.done);
  const onTime = count(completions.onTime);
  return {
    from: a.date,
    to: b.date,
    avgWip,
    throughputPerMonth,
    daysInSystem: throughputPerMonth > 0 ? (avgWip / throughputPerMonth) * DAYS_PER_MONTH : null,
    shareOnTime: done > 0 ? onTime / done : null,
    completed,
  };
}
