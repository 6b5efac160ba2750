import { endOfMonth, monthOf } from '../calendar.ts';
import type { CfdPoint, IsoDate, MonthLabel, Obligation } from '../types.ts';
import { perUnit } from './group.ts';

/**
 * The dates the flow is sampled at: the last day of each month up to the
 * as-of month, and the as-of date itself for that month.
 * @example flowDates(['2025-05', '2025-06', '2025-07'], '2025-06-15') // ['2025-05-31', '2025-06-15']
 */
export function flowDates(months: readonly MonthLabel[], asOf: IsoDate): IsoDate[] {
  const asOfMonth = monthOf(asOf);
  return months.filter((m) => m <= asOfMonth).map((m) => (m === asOfMonth ? asOf : endOfMonth(`${m}-01`)));
}

/**
 * Cumulative flow per unit at each of `dates` (SPEC §6): every obligation
 * created by t is done, missed, overdue or upcoming at t. Projected
 * obligations are not in the flow.
 *
 * Each obligation enters each count from one sample on, so the counts are
 * built as difference arrays and summed once.
 */
export function cumulativeFlow(obligations: readonly Obligation[], units: readonly string[], dates: readonly IsoDate[]): Record<string, CfdPoint[]> {
  const n = dates.length;
  const firstAtOrAfter = (d: IsoDate) => bisect(dates, d, false);
  const firstAfter = (d: IsoDate) => bisect(dates, d, true);
  const diff = perUnit(units, () => ({ created: new Int32Array(n + 1), done: new Int32Array(n + 1), missed: new Int32Array(n + 1), overdue: new Int32Array(n + 1) }));
  for (const o of obligations) {
    if (o.status === 'projected') continue;
    const d = diff[o.unit]!;
    const c = firstAtOrAfter(o.created);
    if (c >= n) continue;
    d.created[c]!++;
    const done = o.completed === null ? n : Math.max(c, firstAtOrAfter(o.completed));
    d.done[done]!++;
    const missed = o.completed === null && o.measureEnd !== null ? Math.max(c, firstAtOrAfter(o.measureEnd)) : n;
    d.missed[missed]!++;
    // Overdue from the first sample after the due date until done or missed.
    const from = Math.max(c, firstAfter(o.due));
    const until = Math.min(done, missed);
    if (from < until) {
      d.overdue[from]!++;
      d.overdue[until]!--;
    }
  }
  const out: Record<string, CfdPoint[]> = Object.create(null);
  for (const unit of units) {
    const d = diff[unit]!;
    const points: CfdPoint[] = [];
    let created = 0, done = 0, missed = 0, overdue = 0;
    for (let i = 0; i < n; i++) {
      created += d.created[i]!;
      done += d.done[i]!;
      missed += d.missed[i]!;
      overdue += d.overdue[i]!;
      points.push({ date: dates[i]!, created, done, missed, overdue, upcoming: created - done - missed - overdue });
    }
    out[unit] = points;
  }
  return out;
}

/** Index of the first of sorted `dates` >= d (or > d when `strict`); `dates.length` when none. @example bisect(['2025-01-31', '2025-02-28'], '2025-02-01', false) // 1 */
export function bisect(dates: readonly IsoDate[], d: IsoDate, strict: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? dates[mid]! <= d : dates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
