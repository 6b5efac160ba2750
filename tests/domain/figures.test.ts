import { describe, expect, it } from 'vitest';
import { analyze, csv } from './helpers.ts';
import { flowDates } from '../../src/domain/aggregate/cfd.ts';
import { figureMonths } from '../../src/domain/range.ts';

describe('figures (SPEC §6)', () => {
  it('months run from 12 months before the as-of month to the end of the horizon', () => {
    const m = figureMonths('2025-06-30', 12);
    expect([m[0], m.at(-1), m.length]).toEqual(['2024-06', '2026-06', 25]);
    expect(figureMonths('2025-06-30', 6).at(-1)).toBe('2025-12');
    expect(() => figureMonths('2025-06-30', 5)).toThrow(/invalid horizon: 5/);
  });

  it('the flow is sampled at each month end up to the as-of month, and at the as-of date', () => {
    expect(flowDates(['2025-04', '2025-05', '2025-06', '2025-07'], '2025-06-15')).toEqual(['2025-04-30', '2025-05-31', '2025-06-15']);
  });

  it('counts obligations of every status, projected included, in the month they are due', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-15'], ['C2', 'M2', 'B', 'start', '2025-05-20'], ['C2', 'M2', 'B', 'follow_up', '2025-06-01']);
    const r = analyze(text, { asOf: '2025-06-30' });
    const at = (unit: string, month: string) => r.dueByUnitMonth[unit]![r.months.indexOf(month)];
    expect(at('A', '2025-04')).toBe(1); // overdue
    // Projected from its catch-up day, the first workday 2025-07-01: due 2026-01-01; 2026-07-01 is past the forecast.
    expect(at('A', '2025-12')).toBe(0);
    expect(at('A', '2026-01')).toBe(1);
    expect(at('A', '2026-06')).toBe(0);
    expect(at('B', '2025-08')).toBe(1); // done on time, due 2025-08-20
    expect(at('B', '2025-12')).toBe(1); // upcoming
    expect(at('B', '2026-06')).toBe(1); // projected
    expect(r.dueByUnitMonth.A!.reduce((a, b) => a + b)).toBe(2);
    expect(r.status).toEqual({
      A: { done_on_time: 0, done_late: 0, overdue: 1, upcoming: 0, missed: 0, projected: 1 },
      B: { done_on_time: 1, done_late: 0, overdue: 0, upcoming: 1, missed: 0, projected: 1 },
    });
  });

  it('the cumulative flow moves an obligation from upcoming to overdue to missed', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-15'], ['C1', 'M1', 'A', 'measure_end', '2025-05-10']);
    const cfd = analyze(text, { asOf: '2025-06-30' }).cfd.A!;
    const pick = (date: string) => {
      const p = cfd.find((x) => x.date === date)!;
      return [p.created, p.done, p.missed, p.overdue, p.upcoming];
    };
    expect(pick('2024-12-31')).toEqual([0, 0, 0, 0, 0]);
    expect(pick('2025-03-31')).toEqual([1, 0, 0, 0, 1]);
    expect(pick('2025-04-30')).toEqual([1, 0, 0, 1, 0]);
    expect(pick('2025-05-31')).toEqual([1, 0, 1, 0, 0]);
    expect(pick('2025-06-30')).toEqual([1, 0, 1, 0, 0]);
    expect(cfd).toHaveLength(13);
  });

  it('the cumulative flow counts a late follow-up as overdue until it is done', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-15'], ['C1', 'M1', 'A', 'follow_up', '2025-05-20']);
    const cfd = analyze(text, { asOf: '2025-06-30' }).cfd.A!;
    const row = (date: string) => cfd.find((x) => x.date === date)!;
    expect(row('2025-04-30')).toMatchObject({ created: 1, done: 0, overdue: 1 });
    expect(row('2025-05-31')).toMatchObject({ created: 2, done: 1, overdue: 0, upcoming: 1 });
  });

  it('lists units with accepted rows only, in Danish order', () => {
    const text = csv(['C1', 'M1', 'Østerbro', 'start', '2025-01-15'], ['C2', 'M2', 'Amager', 'start', '2025-01-15'], ['C3', 'M3', 'Ærø', 'start', '2025-01-15'], ['C4', 'M4', 'Zulu', 'follow_up', '2025-01-15']);
    expect(analyze(text).units).toEqual(['Amager', 'Ærø', 'Østerbro']);
  });

  it('an export with only a header gives empty figures', () => {
    const r = analyze('case_id,measure_id,unit,event,date\n', { asOf: '2025-06-30' });
    expect(r).toMatchObject({ rows: { total: 0, accepted: 0, rejected: 0 }, units: [], status: {}, cfd: {} });
  });
});
