import { addDays, dayNumber, startOfIsoWeek } from '../calendar.ts';
import type { CfdPoint, IsoDate, Obligation } from '../types.ts';
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
  const out = perUnit(units, () => new Array<number>(dates.length).fill(0));
  for (const o of obligations) {
    if (o.status === 'projected') continue;
    const counts = out[o.unit];
    if (!counts) continue;
    for (let i = dates.length - 1; i >= 0 && o.due <= dates[i]!; i--) counts[i]!++;
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
 * Flow statistics over the samples from index `i` to `j` (inclusive) of a
 * unit's flow, with the obligations behind it for the on-time share.
 * Little's law (time = WIP / throughput) holds for a stable system: as
 * many obligations arrive as leave over the range, measured long enough.
 */
export function flowStats(points: readonly CfdPoint[], obligations: Iterable<Obligation>, i: number, j: number): FlowStats | null {
  const a = points[Math.min(i, j)];
  const b = points[Math.max(i, j)];
  if (!a || !b) return null;
  const inRange = points.slice(Math.min(i, j), Math.max(i, j) + 1);
  const avgWip = inRange.reduce((s, p) => s + p.overdue + p.upcoming, 0) / inRange.length;
  const days = Math.max(1, dayNumber(b.date) - dayNumber(a.date));
  const completed = b.done - a.done;
  const throughputPerMonth = (completed / days) * DAYS_PER_MONTH;
  let done = 0;
  let onTime = 0;
  for (const o of obligations) {
    if (o.status === 'projected' || o.completed === null || o.completed <= a.date || o.completed > b.date) continue;
    done++;
    if (o.completed <= o.due) onTime++;
  }
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
