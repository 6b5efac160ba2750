import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asDue, levelled, levellingSummary, load, lowerBound, peak, planWithCapacity, shifted, type Job } from '../../src/domain/levelling/index.ts';
import { jobsOf } from '../../src/domain/levelling/jobs.ts';
import { planningRange } from '../../src/domain/range.ts';
import { allPlans, analyze, csv } from './helpers.ts';

const job = (release: number, due: number): Job => ({ release, due });

const smallJobs = (weeks: number, lead: number) =>
  fc.array(fc.integer({ min: 0, max: weeks - 1 }), { maxLength: 7 }).map((dues) => dues.map((d) => job(Math.max(0, d - lead), d)));

describe('levelling (SPEC §7)', () => {
  it('jobs are released lead weeks before their due week, never before w0', () => {
    expect(jobsOf([{ due: '2025-07-14' }, { due: '2025-09-01' }, { due: '2025-06-30' }], planningRange('2025-07-02'), 4)).toEqual([
      { release: 0, due: 2 }, { release: 5, due: 9 }, { release: 0, due: 0 },
    ]);
  });

  it('levels four jobs due in one week over the weeks before it', () => {
    const jobs = [job(0, 4), job(0, 4), job(0, 4), job(0, 4), job(1, 5)];
    expect(peak(asDue(jobs, 6), 6)).toBe(4);
    expect(peak(shifted(jobs, 6), 6)).toBe(4);
    expect(lowerBound(jobs, 6)).toBe(1);
    const plan = levelled(jobs, 6);
    expect(load(plan, 6)).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it('summarises a unit: peaks, bound and mean days early', () => {
    const jobs = [job(0, 2), job(0, 2), job(0, 2), job(0, 2)];
    expect(levellingSummary(jobs, 26, [])).toEqual({
      jobs: 4, baselinePeak: 4, shiftPeak: 4, levelledPeak: 2, lowerBound: 2, meanDaysEarly: 7 * (0 + 0 + 1 + 1) / 4, backlog: 0,
    });
    expect(levellingSummary([], 26, [])).toEqual({ jobs: 0, baselinePeak: 0, shiftPeak: 0, levelledPeak: 0, lowerBound: 0, meanDaysEarly: 0, backlog: 0 });
  });

  it('planWithCapacity refuses a capacity below the bound', () => {
    expect(() => planWithCapacity([job(0, 0), job(0, 0)], 1, 1)).toThrow(/too low/);
  });

  it('the levelled plan keeps every job in its window and reaches the lower bound', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 300 }), fc.integer({ min: 0, max: 12 }), (dues, lead) => {
        const jobs = dues.map((d) => job(Math.max(0, d - lead), d));
        const plan = levelled(jobs, 26);
        plan.forEach((w, i) => {
          expect(w).toBeGreaterThanOrEqual(jobs[i]!.release);
          expect(w).toBeLessThanOrEqual(jobs[i]!.due);
        });
        expect(peak(plan, 26)).toBe(lowerBound(jobs, 26));
      }),
      { numRuns: 300 },
    );
  });

  it('on small instances no plan beats the lower bound, and none at that peak moves work less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.context(), (weeks, lead, ctx) => {
        return fc.assert(
          fc.property(smallJobs(weeks, lead), (jobs) => {
            let best = Infinity;
            let leastMoved = Infinity;
            for (const plan of allPlans(jobs)) best = Math.min(best, peak(plan, weeks));
            for (const plan of allPlans(jobs)) {
              if (peak(plan, weeks) === best) leastMoved = Math.min(leastMoved, jobs.reduce((s, j, i) => s + j.due - plan[i]!, 0));
            }
            if (jobs.length === 0) best = 0;
            const ours = levelled(jobs, weeks);
            ctx.log(JSON.stringify({ jobs, ours }));
            expect(lowerBound(jobs, weeks)).toBe(best);
            expect(peak(ours, weeks)).toBe(best);
            if (jobs.length) expect(jobs.reduce((s, j, i) => s + j.due - ours[i]!, 0)).toBe(leastMoved);
          }),
          { numRuns: 20 },
        ) ?? true;
      }),
      { numRuns: 40 },
    );
  });

  it('plans only upcoming and projected follow-ups due within the 26 weeks, and carries the overdue one as backlog', () => {
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2025-01-10'], // due 2025-04-10: overdue
      ['C2', 'M2', 'A', 'start', '2025-04-02'], // due 2025-07-02, week 0
      ['C3', 'M3', 'A', 'start', '2025-04-03'], // due 2025-07-03, week 0
      ['C4', 'M4', 'A', 'start', '2025-06-30'], // due 2025-09-30
    );
    // as-of 2025-07-02, a Wednesday: w0 starts 2025-06-30 and w25 ends 2025-12-28. The overdue one is
    // caught up in w0, on the first workday 2025-07-03, and projected due 2026-01-03 (week 26), as are
    // the others' next ones: outside. Jobs: weeks 0, 0 and 13; w0 carries the backlog's one too.
    const l = analyze(text, { asOf: '2025-07-02', leadWeeks: 4 }).levelling.A!;
    expect(l).toEqual({ jobs: 3, backlog: 1, baselinePeak: 3, shiftPeak: 3, levelledPeak: 3, lowerBound: 3, meanDaysEarly: 0 });
  });
});
