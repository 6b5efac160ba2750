import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { cumulativeFlow } from '../../src/domain/aggregate/cfd.ts';
import { completionsAt, cumulativeDue, flowStats, sumFlows, weeklyFlowDates } from '../../src/domain/aggregate/flow.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';

const text = [
  'case_id,measure_id,unit,event,date',
  'C1,M1,A,start,2025-01-01',
  'C1,M1,A,follow_up,2025-03-15', // due 04-01, on time
  'C2,M2,A,start,2025-01-10',
  'C2,M2,A,follow_up,2025-05-01', // due 04-10, late
  'C3,M3,B,start,2025-02-01',
].join('\n');
const d = deriveExport(text, { asOf: '2025-06-30' });

describe('flow', () => {
  it('samples weekly on Sundays up to the as-of date', () => {
    expect(weeklyFlowDates('2025-06-01', '2025-06-11')).toEqual(['2025-06-01', '2025-06-08', '2025-06-11']);
    expect(weeklyFlowDates('2025-06-04', '2025-06-15')).toEqual(['2025-06-08', '2025-06-15']);
  });

  it('weekly flow keeps the invariants of the monthly one', () => {
    const dates = weeklyFlowDates('2024-12-01', '2025-06-30');
    const cfd = cumulativeFlow(d.obligations, d.analysis.units, dates);
    expect(cfd.A!.at(-1)).toEqual(d.analysis.cfd.A!.at(-1));
    for (const p of cfd.A!) expect(p.created).toBe(p.done + p.missed + p.overdue + p.upcoming);
  });

  it('cumulative due counts obligations due by each date, projected ones left out', () => {
    const dates = ['2025-03-31', '2025-04-05', '2025-04-30', '2025-06-30'];
    expect(cumulativeDue(d.obligations, ['A', 'B'], dates)).toEqual({ A: [0, 1, 2, 2], B: [0, 0, 0, 1] });
  });

  it('adds the flows of all units date by date', () => {
    const all = sumFlows(Object.values(d.analysis.cfd));
    const last = all.at(-1)!;
    expect(last.created).toBe(d.analysis.cfd.A!.at(-1)!.created + d.analysis.cfd.B!.at(-1)!.created);
  });

  it('flow statistics: WIP, throughput, Little\'s law and on-time share over a range', () => {
    const points = d.analysis.cfd.A!;
    const i = points.findIndex((p) => p.date === '2025-02-28');
    const j = points.findIndex((p) => p.date === '2025-05-31');
    const dates = points.map((p) => p.date);
    const s = flowStats(points, completionsAt(d.obligations.filter((o) => o.unit === 'A'), dates), i, j)!;
    expect(s.completed).toBe(2);
    expect(s.shareOnTime).toBe(0.5);
    expect(s.throughputPerMonth).toBeCloseTo((2 / 92) * (365.25 / 12), 6);
    expect(s.avgWip).toBe(points.slice(i, j + 1).reduce((x, p) => x + p.overdue + p.upcoming, 0) / (j - i + 1));
    expect(s.daysInSystem).toBeCloseTo((s.avgWip / s.throughputPerMonth) * (365.25 / 12), 6);
    expect(flowStats(points, completionsAt([], dates), 0, 0)!.daysInSystem).toBeNull();
  });

  it('counts as due by each date every obligation due on or before it, as counting them one by one would', () => {
    const e = deriveExport(exportText(generateRows({ seed: 23, measures: 200 }), 'canonical'), { asOf: '2025-06-30' });
    const all = weeklyFlowDates('2023-01-01', '2025-06-30');
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(all.length - 1), { maxLength: 40 }), (picks) => {
        const dates = [...picks].sort((a, b) => a - b).map((i) => all[i]!);
        const counted = cumulativeDue(e.obligations, e.analysis.units, dates);
        for (const unit of e.analysis.units) {
          const mine = e.obligations.filter((o) => o.unit === unit && o.status !== 'projected');
          expect(counted[unit]).toEqual(dates.map((d) => mine.filter((o) => o.due <= d).length));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('counts the completions of any range as going through the obligations would', () => {
    const exports = [21, 22].map((seed) => deriveExport(exportText(generateRows({ seed, measures: 200 }), 'canonical'), { asOf: '2025-06-30' }));
    fc.assert(
      fc.property(fc.nat(1), fc.nat(200), fc.nat(200), (which, x, y) => {
        const e = exports[which]!;
        const points = sumFlows(Object.values(e.analysis.cfd));
        const dates = points.map((p) => p.date);
        const [i, j] = [x % points.length, y % points.length];
        const [a, b] = [dates[Math.min(i, j)]!, dates[Math.max(i, j)]!];
        const done = e.obligations.filter((o) => o.status !== 'projected' && o.completed !== null && o.completed > a && o.completed <= b);
        const s = flowStats(points, completionsAt(e.obligations, dates), i, j)!;
        expect(s.shareOnTime).toBe(done.length > 0 ? done.filter((o) => o.completed! <= o.due).length / done.length : null);
      }),
      { numRuns: 80 },
    );
  });
});
