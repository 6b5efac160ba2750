import { describe, expect, it } from 'vitest';
import { cascadeCost, cascadeCount, percentChange, stdDev, weeksOver } from '../../src/domain/levelling/index.ts';

describe('the cascade of starting early', () => {
  it('a hand-worked chain: four weeks early fits a third follow-up into the year', () => {
    // As due: 2025-07-31, 2026-01-31; the next, 2026-07-31, is after 2026-07-01.
    expect(cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 0)).toBe(2);
    // 28 days early: 2025-07-03 → due 2026-01-03, done 2025-12-06 → due 2026-06-06, done 2026-05-09 → due 2026-11-09.
    expect(cascadeCount(['2025-07-31'], '2025-07-01', 12, 6, 28)).toBe(3);
    expect(cascadeCost(['2025-07-31'], '2025-07-01', 12, 6, 28)).toEqual({ months: 12, asDue: 2, withPolicy: 3, extraPerYear: 1 });
  });

  it('never does a follow-up before the as-of date', () => {
    expect(cascadeCount(['2025-07-02'], '2025-07-01', 6, 6, 70)).toBe(2); // 07-01, then due 2026-01-01 done 2025-10-23
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
