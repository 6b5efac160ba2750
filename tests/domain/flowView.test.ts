import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { FLOW_BANDS, flowFigures, flowMax, flowSampleDates, rangeIndexes, stackTop } from '../../src/domain/aggregate/flowView.ts';
import { measureTypes } from '../../src/domain/aggregate/heatmaps.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import type { CfdPoint } from '../../src/domain/types.ts';

const d = deriveExport(exportText(generateRows({ seed: 7, measures: 400 }), 'canonical'));
const { analysis, obligations } = d;

function expectInvariants(points: readonly CfdPoint[]) {
  points.forEach((p, i) => {
    expect(p.created).toBe(p.done + p.missed + p.overdue + p.upcoming);
    const before = points[i - 1];
    if (before) {
      expect(p.created).toBeGreaterThanOrEqual(before.created);
      expect(p.done).toBeGreaterThanOrEqual(before.done);
      expect(p.missed).toBeGreaterThanOrEqual(before.missed);
    }
  });
}

describe('the figures of the flow view', () => {
  it('samples the monthly flow at the dates of the analysis’s own flow', () => {
    const dates = flowSampleDates(analysis, 'month');
    expect(dates).toEqual(analysis.cfd[analysis.units[0]!]!.map((p) => p.date));
    expect(dates.at(-1)).toBe(analysis.asOf);
  });

  it('samples weekly from the first month of the figures to the as-of date', () => {
    const dates = flowSampleDates(analysis, 'week');
    expect(dates[0]! >= `${analysis.months[0]}-01`).toBe(true);
    expect(dates[0]! < `${analysis.months[0]}-08`).toBe(true);
    expect(dates.at(-1)).toBe(analysis.asOf);
    expect(dates.length).toBeGreaterThan(50);
  });

  it('the monthly flow of every type is the analysis’s cfd, and recomputing it gives the same numbers', () => {
    const plain = flowFigures(analysis, obligations, 'month');
    expect(plain.units).toBe(analysis.cfd);
    const recomputed = flowFigures(analysis, obligations, 'month', measureTypes(obligations));
    expect(recomputed.units).toEqual(analysis.cfd);
  });

  it('keeps the spec’s invariants for every unit and for all units, monthly and weekly', () => {
    for (const grain of ['month', 'week'] as const) {
      const f = flowFigures(analysis, obligations, grain);
      for (const unit of analysis.units) expectInvariants(f.units[unit]!);
      expectInvariants(f.all);
      expect(f.all.at(-1)!.created).toBeGreaterThan(0);
    }
  });

  it('weekly and monthly flows agree on the as-of date', () => {
    const month = flowFigures(analysis, obligations, 'month');
    const week = flowFigures(analysis, obligations, 'week');
    expect(week.all.at(-1)).toEqual(month.all.at(-1));
    expect(week.allDue.at(-1)).toBe(month.allDue.at(-1));
  });

  it('the flows of the measure types one by one add up to the flow of all of them', () => {
    const all = flowFigures(analysis, obligations, 'month').all;
    const parts = measureTypes(obligations).map((t) => flowFigures(analysis, obligations, 'month', [t]).all);
    all.forEach((p, i) => {
      for (const key of ['created', ...FLOW_BANDS] as const) expect(parts.reduce((s, f) => s + f[i]![key], 0)).toBe(p[key]);
    });
    const one = flowFigures(analysis, obligations, 'month', [measureTypes(obligations)[0]!]);
    expect(one.obligations.every((o) => o.measureType === measureTypes(obligations)[0])).toBe(true);
  });

  it('the cumulative due of all units is the sum of the units’ and never decreases', () => {
    const f = flowFigures(analysis, obligations, 'week');
    f.allDue.forEach((n, i) => {
      expect(n).toBe(analysis.units.reduce((s, u) => s + f.due[u]![i]!, 0));
      if (i > 0) expect(n).toBeGreaterThanOrEqual(f.allDue[i - 1]!);
    });
  });
});

describe('ranges, stack tops and bands', () => {
  const dates = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30'];

  it('a range snaps inwards to the sample dates and covers the whole flow without bounds', () => {
    expect(rangeIndexes(dates, null, null)).toEqual([0, 3]);
    expect(rangeIndexes(dates, '2025-02-01', '2025-04-29')).toEqual([1, 2]);
    expect(rangeIndexes(dates, '2025-02-28', '2025-03-31')).toEqual([1, 2]);
  });

  it('a reversed range is put in order, and a range of one date is widened to two', () => {
    expect(rangeIndexes(dates, '2025-04-30', '2025-01-31')).toEqual([0, 3]);
    expect(rangeIndexes(dates, '2025-02-28', '2025-02-28')).toEqual([1, 2]);
    expect(rangeIndexes(dates, '2025-04-30', null)).toEqual([2, 3]);
  });

  it('bounds outside the flow fall back to its ends', () => {
    expect(rangeIndexes(dates, '2030-01-01', '2020-01-01')).toEqual([0, 3]);
    expect(rangeIndexes([], null, null)).toEqual([0, 0]);
  });

  it('the top of the full stack is created; hiding done leaves the work not done', () => {
    const points = analysis.cfd[analysis.units[0]!]!;
    expect(stackTop(points, FLOW_BANDS)).toEqual(points.map((p) => p.created));
    expect(stackTop(points, ['missed', 'overdue', 'upcoming'])).toEqual(points.map((p) => p.created - p.done));
  });

  it('the y-scale reaches the highest of the stack and the due line where it is drawn', () => {
    const p: CfdPoint = { date: '2025-01-31', created: 10, done: 4, missed: 1, overdue: 2, upcoming: 3 };
    expect(flowMax([p], [12], FLOW_BANDS)).toBe(12);
    expect(flowMax([p], null, FLOW_BANDS)).toBe(10);
    expect(flowMax([p], null, ['overdue', 'upcoming'])).toBe(5);
  });
});
