import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveExport, figuresOf, figuresWithCatchUp } from '../../src/domain/analyze.ts';
import { flaggedLate } from '../../src/domain/aggregate/registration.ts';
import { backlogLoad, backlogOrder, catchUpDays, checkCatchUp } from '../../src/domain/backlog.ts';
import { addDays, addMonths, firstWorkdayAfter, isoWeekday } from '../../src/domain/calendar.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { levelled, lowerBound, peak, prepareLevelling, simulate, type Job } from '../../src/domain/levelling/index.ts';
import { planningRange } from '../../src/domain/range.ts';
import { analyze, allPlans, csv } from './helpers.ts';

/*
 * What spec v2 changed (SPEC §5.5, §6, §7), rule by rule.
 */

describe('the plan starts at the first workday after the as-of date (SPEC §7)', () => {
  it('the first workday is the next day, or the Monday after a Friday or a weekend', () => {
    // 2026-10-26 is a Monday.
    const week = ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01'];
    expect(week.map(isoWeekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(week.map(firstWorkdayAfter)).toEqual(['2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-11-02', '2026-11-02', '2026-11-02']);
  });

  it('an export made on a Thursday plans from its own week, one made on a Friday or at a weekend from the next', () => {
    expect(planningRange('2026-10-29')).toEqual({ firstWorkday: '2026-10-30', first: '2026-10-26', last: '2027-04-25', weeks: 26 });
    for (const asOf of ['2026-10-30', '2026-10-31', '2026-11-01']) {
      expect(planningRange(asOf)).toMatchObject({ firstWorkday: '2026-11-02', first: '2026-11-02', last: '2027-05-02' });
    }
  });

  it('on a Saturday export, a follow-up due that day is upcoming and planned in w0, the week after', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2026-07-31'], ['C2', 'M2', 'A', 'start', '2026-08-10']);
    const { analysis, obligations } = deriveExport(text, { asOf: '2026-10-31' });
    expect(obligations.filter((o) => o.seq === 1).map((o) => [o.due, o.status])).toEqual([['2026-10-31', 'upcoming'], ['2026-11-10', 'upcoming']]);
    const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);
    expect(prepared.weeks[0]!.key).toBe('2026-W45');
    // The third job is C1's next, projected due 2027-04-30, in w25 (which ends 2027-05-02).
    expect([...prepared.units[0]!.dueWeek]).toEqual([0, 1, 25]);
    // Shifted by 4 weeks, the first two cannot go before w0.
    expect(simulate(prepared, { lead: 4, policy: 'shift', catchUp: 4, capacity: null, unit: null }).units[0]!.plan).toEqual([0, 0, 21]);
  });
});

describe('the backlog is caught up evenly over the first weeks, oldest first (SPEC §7.1)', () => {
  const item = (due: string, caseId: string, measureId = 'M1') => ({ due, caseId, measureId });

  it('a backlog of 1 is caught up on the first workday', () => {
    expect(catchUpDays([item('2026-05-01', 'C1')], '2026-11-02', 4)).toEqual(['2026-11-02']);
    expect([...backlogLoad(1, 4, 6)]).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('a backlog of 3 over 4 weeks takes one a week in the first three', () => {
    const days = catchUpDays([item('2026-03-01', 'C3'), item('2026-01-01', 'C1'), item('2026-02-01', 'C2')], '2026-11-03', 4);
    // Aligned with the list: the oldest (C1) first, on the first workday, a Tuesday; the others a week apart.
    expect(days).toEqual(['2026-11-17', '2026-11-03', '2026-11-10']);
    expect([...backlogLoad(3, 4, 6)]).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('a backlog of 9 over 2 weeks takes five in the first week and four in the second', () => {
    expect([...backlogLoad(9, 2, 4)]).toEqual([5, 4, 0, 0]);
    const nine = Array.from({ length: 9 }, (_, i) => item(addDays('2026-06-01', i), `C${i}`));
    expect(catchUpDays(nine, '2026-11-02', 2)).toEqual([...Array(5).fill('2026-11-02'), ...Array(4).fill('2026-11-09')]);
  });

  it('ties on the due date are ordered by case id, then measure id, code unit by code unit', () => {
    const tied = [item('2026-06-01', 'C9'), item('2026-06-01', 'C10', 'M2'), item('2026-06-01', 'C10', 'M10'), item('2026-06-01', 'c1')];
    expect([...tied].sort(backlogOrder).map((i) => `${i.caseId}/${i.measureId}`)).toEqual(['C10/M10', 'C10/M2', 'C9/M1', 'c1/M1']);
    expect(catchUpDays(tied, '2026-11-02', 4)).toEqual(['2026-11-16', '2026-11-09', '2026-11-02', '2026-11-23']);
  });

  it('the catch-up is a whole number of weeks from 1 to 26', () => {
    expect(checkCatchUp(1)).toBe(1);
    expect(checkCatchUp(26)).toBe(26);
    for (const bad of [0, 27, 2.5, NaN]) expect(() => checkCatchUp(bad)).toThrow(/invalid catch-up/);
  });

  it("an overdue follow-up's projected successor is due an interval after its catch-up day", () => {
    // As of Friday 2026-10-30: first workday Monday 2026-11-02. Three overdue in A, caught up over 4 weeks.
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2026-01-10'],
      ['C2', 'M1', 'A', 'start', '2026-02-10'],
      ['C3', 'M1', 'A', 'start', '2026-03-10'],
    );
    const projected = (catchUpWeeks: number) =>
      deriveExport(text, { asOf: '2026-10-30', catchUpWeeks }).obligations
        .filter((o) => o.status === 'projected' && o.seq === 2)
        .map((o) => [o.caseId, o.created, o.due]);
    expect(projected(4)).toEqual([
      ['C1', '2026-11-02', '2027-05-02'],
      ['C2', '2026-11-09', '2027-05-09'],
      ['C3', '2026-11-16', '2027-05-16'],
    ]);
    // Over one week, all three are caught up on the first workday and their next ones bunch on one day.
    expect(projected(1).map((p) => p[2])).toEqual(['2027-05-02', '2027-05-02', '2027-05-02']);
  });

  it('the backlog is a fixed load of every policy, and the bound counts it', () => {
    const text = csv(
      ...Array.from({ length: 6 }, (_, i) => [`O${i}`, 'M1', 'A', 'start', addDays('2026-01-01', i)]),
      ['U1', 'M1', 'A', 'start', '2026-08-05'], // due 2026-11-05, week 0
    );
    const l = analyze(text, { asOf: '2026-11-02', catchUpWeeks: 2, leadWeeks: 4 }).levelling.A!;
    // Backlog 6 over 2 weeks: 3 in w0, 3 in w1; the one job is due in w0 and cannot move.
    expect(l).toEqual({ jobs: 1, backlog: 6, baselinePeak: 4, shiftPeak: 4, levelledPeak: 4, lowerBound: 4, meanDaysEarly: 0 });
    // Over 6 weeks the backlog takes one a week.
    expect(analyze(text, { asOf: '2026-11-02', catchUpWeeks: 6 }).levelling.A).toMatchObject({ baselinePeak: 2, lowerBound: 2, levelledPeak: 2 });
  });
});

describe('levelling around a backlog (SPEC §7.2)', () => {
  const jobsAndBacklog = (weeks: number, lead: number) =>
    fc.record({
      jobs: fc.array(fc.integer({ min: 0, max: weeks - 1 }), { maxLength: 6 }).map((dues) => dues.map((d): Job => ({ release: Math.max(0, d - lead), due: d }))),
      n: fc.integer({ min: 0, max: 7 }),
      catchUp: fc.integer({ min: 1, max: weeks }),
    });

  it('on small instances a brute force over every plan finds no lower peak and, at that peak, no smaller total move', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.context(), (weeks, lead, ctx) =>
        fc.assert(
          fc.property(jobsAndBacklog(weeks, lead), ({ jobs, n, catchUp }) => {
            const b = backlogLoad(n, catchUp, weeks);
            let best = Infinity;
            let leastMoved = Infinity;
            for (const plan of allPlans(jobs)) best = Math.min(best, peak(plan, weeks, b));
            for (const plan of allPlans(jobs)) {
              if (peak(plan, weeks, b) === best) leastMoved = Math.min(leastMoved, jobs.reduce((s, j, i) => s + j.due - plan[i]!, 0));
            }
            const ours = levelled(jobs, weeks, b);
            ctx.log(JSON.stringify({ jobs, b: [...b], ours }));
            expect(lowerBound(jobs, weeks, b)).toBe(best);
            expect(peak(ours, weeks, b)).toBe(best);
            expect(jobs.reduce((s, j, i) => s + j.due - ours[i]!, 0)).toBe(leastMoved);
          }),
          { numRuns: 15 },
        ) ?? true,
      ),
      { numRuns: 40 },
    );
  });

  it('the levelled peak equals the bound with catch-up loads present, and every job stays in its window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 26 }),
        (dues, lead, n, catchUp) => {
          const jobs = dues.map((d) => ({ release: Math.max(0, d - lead), due: d }));
          const b = backlogLoad(n, catchUp, 26);
          const plan = levelled(jobs, 26, b);
          plan.forEach((w, i) => {
            expect(w).toBeGreaterThanOrEqual(jobs[i]!.release);
            expect(w).toBeLessThanOrEqual(jobs[i]!.due);
          });
          expect(peak(plan, 26, b)).toBe(lowerBound(jobs, 26, b));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the registration statistic (SPEC §6)', () => {
  it('the old rule recovers after exactly two on-time follow-ups, not after one', () => {
    expect(flaggedLate([])).toBe(false);
    expect(flaggedLate(['done_on_time'])).toBe(false);
    expect(flaggedLate(['done_late'])).toBe(true);
    expect(flaggedLate(['done_late', 'done_on_time'])).toBe(true);
    expect(flaggedLate(['done_late', 'done_on_time', 'done_on_time'])).toBe(false);
    // A late one in between starts the count again.
    expect(flaggedLate(['done_late', 'done_on_time', 'done_late', 'done_on_time'])).toBe(true);
    expect(flaggedLate(['missed'])).toBe(true);
    expect(flaggedLate(['done_on_time', 'overdue'])).toBe(true);
  });

  // As of 2026-06-30. Starts 2025-01-10: first due 2025-04-10, then 6 months after each follow-up.
  const late = (caseId: string, unit = 'A') => [caseId, 'M1', unit, 'start', '2025-01-10'];
  const rows = [
    // R1: late, then one on time (planning the next for 2026-09-01): still flagged late, not overdue.
    late('R1'), ['R1', 'M1', 'A', 'follow_up', '2025-05-01'], ['R1', 'M1', 'A', 'follow_up', '2025-10-20', '2026-09-01'],
    // R2: late, then two on time: on time again (the open one is due 2026-10-05, upcoming).
    late('R2'), ['R2', 'M1', 'A', 'follow_up', '2025-05-01'], ['R2', 'M1', 'A', 'follow_up', '2025-10-20'], ['R2', 'M1', 'A', 'follow_up', '2026-04-05'],
    // R3: ended without a follow-up: missed.
    late('R3'), ['R3', 'M1', 'A', 'measure_end', '2025-06-01'],
    // R4: never followed up: overdue now.
    late('R4'),
    // R5: late, then two technical registrations in time: on time only as registered; really overdue since 2025-11-01.
    late('R5'), ['R5', 'M1', 'A', 'follow_up', '2025-05-01'], ['R5', 'M1', 'A', 'technical_follow_up', '2025-10-20'], ['R5', 'M1', 'A', 'technical_follow_up', '2026-04-05'],
    // R6: transferred to B: counted in its current unit.
    late('R6'), ['R6', 'M1', 'B', 'follow_up', '2025-05-01'],
    // R7: started lately, nothing due yet: not counted.
    ['R7', 'M1', 'A', 'start', '2026-06-01'],
  ];
  const registration = (countTechnical: boolean) => analyze(csv(...rows), { asOf: '2026-06-30', rules: { countTechnical } }).registration;

  it('counts per current unit the measures the old rule shows as late, with and without technical registrations, against overdue now', () => {
    // A: R1 late, R2 on time, R3 late (missed), R4 late (overdue), R5 late and overdue (its technical ones do not count).
    // B: R6 late (done late, then overdue since 2025-11-01).
    expect(registration(false)).toEqual({
      A: { measures: 5, flaggedLate: 4, flaggedLateAsRegistered: 3, overdueNow: 2 },
      B: { measures: 1, flaggedLate: 1, flaggedLateAsRegistered: 1, overdueNow: 1 },
    });
  });

  it('does not depend on whether the figures count technical follow-ups', () => {
    expect(registration(true)).toEqual(registration(false));
  });

  it('counts technical follow-ups per unit and month of the row', () => {
    const a = analyze(csv(...rows), { asOf: '2026-06-30' });
    const at = (month: string) => a.technicalByUnitMonth.A![a.months.indexOf(month)];
    expect([at('2025-10'), at('2026-04'), at('2026-05')]).toEqual([1, 1, 0]);
    expect(a.technicalByUnitMonth.B!.every((n) => n === 0)).toBe(true);
    expect(a.technicalByUnitMonth.A).toHaveLength(a.months.length);
    expect(a.technicalFollowUps).toEqual({ A: 2, B: 0 });
  });
});

describe('another catch-up without reading the file again', () => {
  const bytes = exportText(generateRows({ seed: 11, measures: 1500 }), 'canonical');
  const base = figuresOf(bytes, { asOf: '2025-10-31' });

  it('gives the figures, obligations and levelling an analysis with that catch-up gives', () => {
    for (const catchUp of [1, 2, 8, 26]) {
      const fresh = figuresOf(bytes, { asOf: '2025-10-31', catchUpWeeks: catchUp });
      const replayed = figuresWithCatchUp(base, catchUp);
      expect(replayed.analysis).toEqual(fresh.analysis);
      expect(replayed.report).toBe(base.report);
      const key = (o: (typeof base.obligations)[number]) => `${o.measureKey}|${o.seq}|${o.due}|${o.status}|${o.unit}|${o.caseworker}`;
      expect(replayed.obligations.map(key).sort()).toEqual(fresh.obligations.map(key).sort());
      expect(replayed.settings.catchUpWeeks).toBe(catchUp);
    }
  });

  it('a wider catch-up spreads the backlog’s next follow-ups over more days', () => {
    const spread = (catchUp: number) => {
      const f = figuresWithCatchUp(base, catchUp);
      // Each chain's first projected follow-up is created on its catch-up day.
      const first = new Map<string, string>();
      for (const o of f.obligations.slice(f.backlog.start)) if (!first.has(o.measureKey)) first.set(o.measureKey, o.created);
      return new Set(first.values()).size;
    };
    expect(base.backlog.seeds.length).toBeGreaterThan(20);
    expect(spread(1)).toBeLessThan(spread(8));
  });

  it('projects every backlog chain from a catch-up day inside the catch-up weeks', () => {
    const f = figuresWithCatchUp(base, 3);
    const { firstWorkday } = f.backlog;
    for (const seed of f.backlog.seeds) {
      const next = f.obligations.find((o, i) => i >= f.backlog.start && o.measureKey === f.obligations[seed.at]!.measureKey);
      if (!next) continue; // due past the forecast
      const days = (Date.parse(next.created) - Date.parse(firstWorkday)) / 86_400_000;
      expect([0, 7, 14]).toContain(days);
      expect(next.due).toBe(addMonths(next.created, 6));
      expect(next.unit).toBe(seed.unit);
    }
  });
});
