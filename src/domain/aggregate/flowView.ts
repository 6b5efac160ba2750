import type { Analysis, CfdPoint, IsoDate, Obligation } from '../types.ts';
import { cumulativeFlow, flowDates } from './cfd.ts';
import { cumulativeDue, sumFlows, weeklyFlowDates } from './flow.ts';
import { ofTypes } from './heatmaps.ts';
import { FLOW_BANDS, type FlowBand, type FlowGrain } from './flowBands.ts';

/*
 * What the cumulative flow view draws, computed in one place: the sample
 * dates of a grain, each unit's flow and cumulative due line, the sum over
 * all units, the range the statistics cover, and the top of the y-scale.
 * History only: projected obligations are never in it (SPEC §6).
 */

export { FLOW_BANDS, type FlowBand, type FlowGrain } from './flowBands.ts';

export interface FlowFigures {
  dates: IsoDate[];
  /** Each unit's flow, one point per date. */
  units: Record<string, CfdPoint[]>;
  /** Each unit's cumulative due count, one per date. */
  due: Record<string, number[]>;
  /** All units added date by date. */
  all: CfdPoint[];
  allDue: number[];
  /** The obligations behind the figures (after the type filter). */
  obligations: readonly Obligation[];
}

/**
 * Sample dates: month ends up to the as-of date (SPEC §6), or the Sundays
 * of the weeks from the first month of the figures up to the as-of date.
 * @example flowSampleDates({ months: ['2025-05', '2025-06'], asOf: '2025-06-15' }, 'month') // ['2025-05-31', '2025-06-15']
 */
export function flowSampleDates(analysis: Pick<Analysis, 'months' | 'asOf'>, grain: FlowGrain): IsoDate[] {
  if (grain === 'month') return flowDates(analysis.months, analysis.asOf);
  const first = analysis.months[0];
  return weeklyFlowDates(first ? `${first}-01` : analysis.asOf, analysis.asOf);
}

/**
 * The flow of every unit, at the grain, of the obligations of the given
 * measure types (all types when none). The monthly flow of all types is the
 * analysis's own `cfd`, so the view and the report never disagree.
 */
export function flowFigures(analysis: Analysis, obligations: readonly Obligation[], grain: FlowGrain, types: readonly string[] = []): FlowFigures {
  const dates = flowSampleDates(analysis, grain);
  const kept = ofTypes(obligations, types);
  const units =
    grain === 'month' && types.length === 0 ? analysis.cfd : cumulativeFlow(kept, analysis.units, dates);
  const due = cumulativeDue(kept, analysis.units, dates);
  const all = sumFlows(analysis.units.map((u) => units[u] ?? []));
  const allDue = dates.map((_, i) => analysis.units.reduce((s, u) => s + (due[u]?.[i] ?? 0), 0));
  return { dates, units, due, all, allDue, obligations: kept };
}

/**
 * The indexes of the samples a range covers: from the first date on or
 * after `from` to the last on or before `to`; the whole flow where a bound
 * is missing or lies outside. Always at least two samples apart when the
 * flow has two, so the statistics have a span to measure.
 * @example rangeIndexes(['2025-01-31', '2025-02-28', '2025-03-31'], '2025-02-01', null) // [1, 2]
 */
export function rangeIndexes(dates: readonly IsoDate[], from: IsoDate | null, to: IsoDate | null): [number, number] {
  const last = dates.length - 1;
  if (last < 0) return [0, 0];
  let i = from === null ? 0 : dates.findIndex((d) => d >= from);
  let j = to === null ? last : findLastIndex(dates, (d) => d <= to);
  if (i < 0) i = 0;
  if (j < 0) j = last;
  if (i > j) [i, j] = [j, i];
  if (i === j) {
    if (j < last) j++;
    else if (i > 0) i--;
  }
  return [i, j];
}

function findLastIndex<T>(xs: readonly T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i]!)) return i;
  return -1;
}

/** The sum of the visible bands at each date: the top of the drawn stack. */
export function stackTop(points: readonly CfdPoint[], visible: readonly FlowBand[]): number[] {
  return points.map((p) => visible.reduce((s, b) => s + p[b], 0));
}

/**
 * The highest value a chart must show: the top of its visible stack and,
 * where the lines are drawn, the cumulative due line.
 */
export function flowMax(points: readonly CfdPoint[], due: readonly number[] | null, visible: readonly FlowBand[]): number {
  const top = Math.max(0, ...stackTop(points, visible));
  return due ? Math.max(top, ...due) : top;
}
