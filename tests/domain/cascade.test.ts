import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, firstWorkdayAfter } from '../../src/domain/calendar.ts';
import { cascadeCost, cascadeCount, cascadeCounts, dueDateCounts, percentChange, policyCosts, prepareLevelling, stdDev, totalCost, weeksOver } from '../../src/domain/levelling/index.ts';
import type { Obligation } from '../../src/domain/types.ts';

describe('the cascade of starting early', () => {
  it('a hand-worked chain: four weeks early fits a third follow-up into the year', () => {
    // As due: 2025-07-31, 2026-01-31; the next, 2026-07-31, is after 2026-07-01.
    expect(cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 0)).toBe(2);
    // 28 days early: 2025-07-03 → due 2026-01-03, done 2025-12-06 → due 2026-06-06, done 2026-05-09 → due 2026-11-09.
    expect(cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 28)).toBe(3);
    expect(cascadeCost(['2025-07-31'], '2025-07-01', 12, 6, 28)).toEqual({ months: 12, asDue: 2, withPolicy: 3, extraPerYear: 1 });
  });

  it('never does a follow-up before the first workday after the as-of date', () => {
    // As of Tuesday 2025-07-01: done 07-02, then due 2026-01-02, done 2025-10-24; due 2026-04-24 is done 02-13, after 2026-01-01.
    expect(cascadeCount(['2025-07-02'], '2025-07-01', 6, 6, 70)).toBe(2);
    // As of Friday 2025-07-04, due the same day: nothing is done before Monday 07-07; then due 2026-01-07, done 2025-10-29.
    expect(cascadeCount(['2025-07-04'], '2025-07-04', 6, 6, 70)).toBe(2);
    expect(cascadeCount(['2025-07-04'], '2025-07-04', 4, 6, 0)).toBe(1);
  });

  it('an overdue follow-up is done on its catch-up day whatever the policy, and its chain goes on from there', () => {
    // Caught up on 2025-07-09: then due 2026-01-09; 28 days early, done 2025-12-12 → due 2026-06-12, done 05-15.
    expect(cascadeCount([], '2025-07-01', 12, 6, 0, ['2025-07-09'])).toBe(2);
    expect(cascadeCount([], '2025-07-01', 12, 6, 28, ['2025-07-09'])).toBe(3);
  });

  it('counts several periods in one walk as the chains played one by one, date by date, would', () => {
    // The cascade by the letter, on date strings, one chain per open follow-up.
    const byTheLetter = (dues: string[], asOf: string, months: number, interval: number, early: number) => {
      const end = addMonths(asOf, months);
      const start = firstWorkdayAfter(asOf);
      let n = 0;
      for (let due of dues) {
        for (let done = addDays(due, -early); (done = done < start ? start : done) <= end; done = addDays(due, -early)) {
          n++;
          due = addMonths(done, interval);
        }
      }
      return n;
    };
    const day = fc.integer({ min: 0, max: 800 }).map((d) => addDays('2025-01-01', d));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 30 }), day, fc.integer({ min: 0, max: 84 }), fc.constantFrom(3, 6), (dues, asOf, early, interval) => {
        const periods = [12, 24];
        expect(cascadeCounts(dues, asOf, periods, interval, early)).toEqual(periods.map((m) => byTheLetter(dues, asOf, m, interval, early)));
      }),
    );
  });

  it('over 24 months the extra per year is averaged', () => {
    const c = cascadeCost(['2025-07-31', '2025-08-15'], '2025-07-01', 24, 6, 28);
    expect(c.extraPerYear).toBe(((c.withPolicy - c.asDue) * 12) / 24);
    expect(c.withPolicy).toBeGreaterThan(c.asDue);
  });
});

describe('load statistics', () => {
  it('reads spread, weeks over capacity and change', () => {
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(stdDev([])).toBe(0);
    expect(weeksOver([3, 5, 6], 5)).toBe(1);
    expect(weeksOver([3, 5, 6], null)).toBe(0);
    expect(percentChange(10, 8)).toBe(-20);
    expect(percentChange(0, 8)).toBeNull();
  });
});

describe('what each policy costs, per unit', () => {
  // As of Wednesday 2025-07-02 (w0 starts 2025-06-30), unit A has four running measures whose open
  // follow-ups are all due 2025-07-31 (week 4), unit B one overdue since 2025-06-01. Interval 6 months.
  const ob = (unit: string, caseId: string, due: string, status: Obligation['status']): Obligation => ({
    measureKey: caseId, caseId, measureId: 'M', measureType: 'T', seq: 1, created: '2025-01-01', due, completed: null, status,
    measureEnd: null, unit, caseworker: 'Kim',
  });
  const prepared = prepareLevelling(
    [...['A1', 'A2', 'A3', 'A4'].map((c) => ob('A', c, '2025-07-31', 'upcoming')), ob('B', 'B1', '2025-06-01', 'overdue')],
    ['A', 'B'],
    '2025-07-02',
  );
  const costs = policyCosts(prepared, { lead: 4, catchUp: 4, unit: null, interval: 6 });
  const [a, b] = costs;

  it('shifting by four weeks does each follow-up 28 days early and fits a third one into the year for every chain', () => {
    // As due: 07-31, 2026-01-31 (2026-07-31 is after 2026-07-02): 2 a chain, 8 in all.
    // 28 days early: 07-03 → due 2026-01-03, done 2025-12-06 → due 2026-06-06, done 05-09: 3 a chain.
    expect(a!.policies.shift.meanDaysEarly).toBe(28);
    expect(a!.policies.shift.periods[0]).toEqual({ months: 12, asDue: 8, withPolicy: 12, extraPerYear: 4 });
  });

  it('levelling spreads the four over weeks 1–4 (10.5 days early on average, 11 whole days) and costs as much within a year', () => {
    // 11 days early: 07-20 → due 2026-01-20, done 01-09 → due 07-09, done 06-28 (before 2026-07-02): 3 a chain.
    expect(a!.policies.level.meanDaysEarly).toBe(10.5);
    expect(a!.policies.level.periods[0]).toEqual({ months: 12, asDue: 8, withPolicy: 12, extraPerYear: 4 });
    // Over 24 months: as due 4 a chain (2027-01-31 is the last); 11 days early 5 a chain
    // (…, 2026-12-17 → due 2027-06-17, done 06-06): one extra a chain in two years, 2 a year for the unit.
    expect(a!.policies.level.periods[1]).toEqual({ months: 24, asDue: 16, withPolicy: 20, extraPerYear: 2 });
  });

  it('as due costs nothing, and a unit with no jobs to plan costs nothing either', () => {
    expect(a!.policies.due.periods.every((p) => p.extraPerYear === 0)).toBe(true);
    expect(b!.open).toBe(1);
    expect(b!.policies.shift.meanDaysEarly).toBe(0);
    expect(b!.policies.shift.periods[0]!.extraPerYear).toBe(0);
  });

  it('adds the units up, and one unit in scope gives one row', () => {
    const total = totalCost(costs);
    expect(total.open).toBe(5);
    // B's overdue one is caught up on the first workday, 2025-07-03, then 2026-01-03 (2026-07-03 is after 2026-07-02): 2.
    expect(total.policies.level.periods[0]).toEqual({ months: 12, asDue: 8 + 2, withPolicy: 12 + 2, extraPerYear: 4 });
    expect(policyCosts(prepared, { lead: 4, catchUp: 4, unit: 'B', interval: 6 }).map((c) => c.unit)).toEqual(['B']);
  });

  it('ends a chain whose days early are as long as its interval: each next follow-up a day after the one before at the earliest', () => {
    // One month apart, 29 or more days early: without the rule each next one would be done the same day, forever.
    const [year] = cascadeCounts(['2025-07-31'], '2025-07-01', [12], 1, 40);
    expect(year).toBeGreaterThan(12);
    expect(year).toBeLessThanOrEqual(366);
    expect(cascadeCounts(['2025-07-31'], '2025-07-01', [12], 6, 28)).toEqual([3]);
  });

  it('due dates grouped by date count as the chains walked by hand', () => {
    // 28 days early, as of 2025-07-01, over 12 months (to 2026-07-01):
    // due 07-31: done 07-03 → due 2026-01-03, done 2025-12-06 → due 06-06, done 05-09 → due 11-09, done 10-12: 3 a chain, two chains;
    // due 08-15: done 07-18 → due 2026-01-18, done 2025-12-21 → due 06-21, done 05-24 → due 11-24, done 10-27: 3.
    const dues = ['2025-07-31', '2025-07-31', '2025-08-15'];
    expect(dueDateCounts(dues)).toEqual(new Map([['2025-07-31', 2], ['2025-08-15', 1]]));
    expect(cascadeCount(dueDateCounts(dues), '2025-07-01', 12, 6, 28)).toBe(9);
    expect(cascadeCount(dues, '2025-07-01', 12, 6, 28)).toBe(9);
  });
});
