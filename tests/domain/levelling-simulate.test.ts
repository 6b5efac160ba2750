import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveExport } from '../../src/domain/analyze.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import {
  lateUnderCapacity, lowerBound, MAX_LEAD, peak, planCells, planLines, planList, planningWeeks, planRows, planTab, rowsOf, POLICY_NAMES,
  prepareLevelling, simulate, type Job, type SimulationOptions,
} from '../../src/domain/levelling/index.ts';
import { planningRange } from '../../src/domain/range.ts';
import type { IsoDate, Obligation } from '../../src/domain/types.ts';
import { allPlans } from './helpers.ts';

const AS_OF = '2025-07-02'; // a Wednesday: w0 starts Monday 2025-06-30
const W0 = '2025-06-30';

function ob(p: Partial<Obligation> & { due: IsoDate }): Obligation {
  return {
    measureKey: `${p.caseId ?? 'C'}|${p.measureId ?? 'M'}`, caseId: 'C', measureId: 'M', measureType: 'Forebyggende', seq: 1,
    created: '2025-01-01', completed: null, status: 'upcoming', measureEnd: null, unit: 'A', caseworker: 'Kim', ...p,
  };
}

/** One upcoming follow-up per due week given, in unit `unit`. */
const dueInWeeks = (weeks: readonly number[], unit = 'A') =>
  weeks.map((w, i) => ob({ due: addDays(W0, 7 * w + 2), caseId: `${unit}${i}`, unit }));

const options = (o: Partial<SimulationOptions> = {}): SimulationOptions => ({ lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null, ...o });

const generated = deriveExport(exportText(generateRows({ seed: 7, measures: 3000 }), 'canonical'));
const generatedPrep = prepareLevelling(generated.obligations, generated.analysis.units, generated.analysis.asOf);

describe('the levelling simulation', () => {
  it('labels the 26 planning weeks by ISO week from the week of the first workday', () => {
    const weeks = planningWeeks(planningRange(AS_OF));
    expect(weeks).toHaveLength(26);
    expect(weeks[0]).toEqual({ key: '2025-W27', monday: '2025-06-30' });
    expect(weeks[25]!.key).toBe('2025-W52');
    expect(planningWeeks(planningRange('2025-12-01'))[5]!.key).toBe('2026-W02');
    // Made on Saturday 31 October 2026: that week is over, the plan starts Monday 2 November (week 45).
    expect(planningWeeks(planningRange('2026-10-31'))[0]).toEqual({ key: '2026-W45', monday: '2026-11-02' });
  });

  it('prepares only upcoming and projected follow-ups due within the 26 weeks, and keeps overdue ones as backlog', () => {
    const prepared = prepareLevelling(
      [
        ob({ due: '2025-06-01', status: 'overdue' }),
        ob({ due: '2025-07-03' }),
        ob({ due: '2025-09-30', status: 'projected' }),
        ob({ due: '2025-12-29' }), // week 26: outside
        ob({ due: '2025-07-10', status: 'done_on_time' }),
        ob({ due: '2025-07-10', unit: 'Elsewhere' }),
      ],
      ['A'],
      AS_OF,
    );
    const [a] = prepared.units;
    expect(a!.jobs.map((o) => o.due)).toEqual(['2025-07-03', '2025-09-30']);
    expect([...a!.dueWeek]).toEqual([0, 13]);
    expect(a!.backlog.map((o) => o.due)).toEqual(['2025-06-01']);
    // Upcoming ones: where running chains go on (the overdue one goes on from its catch-up day).
    expect([...a!.openDue]).toEqual([['2025-07-03', 1], ['2025-12-29', 1]]);
  });

  it('levels four follow-ups due in one week and reports each figure against as due', () => {
    const prepared = prepareLevelling(dueInWeeks([2, 2, 2, 2]), ['A'], AS_OF);
    const sim = simulate(prepared, options({ lead: 4, policy: 'level', capacity: 1 }));
    // As late as the bound of two a week allows: two in week 2, two a week early.
    expect(sim.load.slice(0, 4)).toEqual([0, 2, 2, 0]);
    expect(sim.asDueLoad.slice(0, 4)).toEqual([0, 0, 4, 0]);
    const f = sim.figures;
    expect(f.peak).toEqual({ asDue: 4, policy: 2, change: -50 });
    expect(f.lowerBound).toEqual({ asDue: 2, policy: 2, change: -50 });
    expect(f.meanDaysEarly).toEqual({ asDue: 0, policy: 7 * (0 + 0 + 1 + 1) / 4, change: null });
    expect(f.weeksOver).toEqual({ asDue: 1, policy: 2, change: 100 });
    // At one a week: as due, three are done after week 2 (weeks 3, 4, 5); levelled, one of week 1's
    // slips into week 2, so two are left for weeks 3 and 4.
    expect(f.backlog.asDue).toBe(3);
    expect(f.backlog.policy).toBe(2);
    expect(f.stdDev.policy).toBeLessThan(f.stdDev.asDue);
  });

  it('has no weeks-over figure without a capacity, and the shifted plan moves every job exactly lead weeks', () => {
    const prepared = prepareLevelling(dueInWeeks([1, 6, 6, 20]), ['A'], AS_OF);
    const sim = simulate(prepared, options({ lead: 3, policy: 'shift' }));
    expect(sim.figures.weeksOver).toBeNull();
    expect(sim.units[0]!.plan).toEqual([0, 3, 3, 17]);
  });

  it('never plans a follow-up outside its window or before the first week, under any policy and lead', () => {
    for (const policy of POLICY_NAMES) {
      for (let lead = 0; lead <= MAX_LEAD; lead++) {
        const sim = simulate(generatedPrep, options({ lead, policy }));
        for (const u of sim.units) {
          u.plan.forEach((w, i) => {
            const d = u.dueWeek[i]!;
            expect(w).toBeGreaterThanOrEqual(Math.max(0, d - lead));
            expect(w).toBeLessThanOrEqual(d);
          });
        }
      }
    }
  });

  it('on generated exports the levelled peak of each unit equals its lower bound at every lead', () => {
    expect(generatedPrep.units.reduce((s, u) => s + u.jobs.length, 0)).toBeGreaterThan(500);
    for (let lead = 0; lead <= MAX_LEAD; lead++) {
      for (const { unit } of generatedPrep.units) {
        const sim = simulate(generatedPrep, options({ lead, unit }));
        expect(sim.figures.peak.policy).toBe(sim.figures.lowerBound.policy);
        expect(sim.figures.peak.policy).toBe(sim.units[0]!.lowerBound);
      }
    }
  });

  it('with all units, each unit is planned on its own and the loads are summed', () => {
    const sim = simulate(generatedPrep, options({ lead: 6 }));
    expect(sim.units.map((u) => u.unit)).toEqual(generated.analysis.units);
    for (let w = 0; w < 26; w++) {
      expect(sim.load[w]).toBe(sim.units.reduce((s, u) => s + u.load[w]!, 0));
      expect(sim.asDueLoad[w]).toBe(sim.units.reduce((s, u) => s + u.asDueLoad[w]!, 0));
    }
    for (const u of sim.units) expect(peak(u.plan, 26, u.backlogLoad)).toBe(u.lowerBound);
    // The summed load can be no lower than the bound of all jobs together.
    expect(sim.figures.peak.policy).toBeGreaterThanOrEqual(sim.figures.lowerBound.policy);
    expect(sim.figures.backlog.policy).toBe(generatedPrep.units.reduce((s, u) => s + u.backlog.length, 0));
  });

  it('a longer lead never raises the levelled peak on the generated export', () => {
    let last = Infinity;
    for (let lead = 0; lead <= MAX_LEAD; lead++) {
      const p = simulate(generatedPrep, options({ lead, unit: generated.analysis.units[0]! })).figures.peak.policy;
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
  });

  it('on small random instances no plan beats the simulated levelled peak', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }), fc.integer({ min: 0, max: 3 }), (dues, lead) => {
        const prepared = prepareLevelling(dueInWeeks(dues), ['A'], AS_OF);
        const sim = simulate(prepared, options({ lead, unit: 'A' }));
        const jobs = [...prepared.units[0]!.dueWeek].map((d) => ({ release: Math.max(0, d - lead), due: d }));
        let best = 0;
        if (jobs.length) {
          best = Infinity;
          for (const plan of allPlans(jobs)) best = Math.min(best, peak(plan, 26));
        }
        expect(sim.figures.peak.policy).toBe(best);
        expect(sim.figures.lowerBound.policy).toBe(best);
        expect(lowerBound(jobs, 26)).toBe(best);
      }),
      { numRuns: 150 },
    );
  });

  it('counts follow-ups a capacity pushes past their due week, earliest due first', () => {
    const job = (release: number, due: number): Job => ({ release, due });
    expect(lateUnderCapacity([job(0, 0), job(0, 0)], [0, 0], 2, 1)).toBe(1);
    expect(lateUnderCapacity([job(0, 0), job(0, 1)], [0, 0], 2, 1)).toBe(0);
    // One is done in week 1, on time; two are left when the weeks run out.
    expect(lateUnderCapacity([job(0, 1), job(0, 1), job(0, 1)], [1, 1, 1], 2, 1)).toBe(2);
    expect(lateUnderCapacity([job(0, 0), job(0, 0)], [0, 0], 2, null)).toBe(0);
  });
});

describe('the plan as a heatmap and a list', () => {
  const obligations = [
    ...dueInWeeks([2, 2, 2], 'A').map((o, i) => ({ ...o, caseworker: ['Øje', 'Bo', 'Bo'][i]! })),
    ob({ due: addDays(W0, 7 * 3), caseId: 'B1', unit: 'B', caseworker: 'Al', status: 'projected' }),
  ];
  const prepared = prepareLevelling(obligations, ['A', 'B'], AS_OF);

  it('tabs units × weeks for all units, and caseworkers × weeks for one', () => {
    const all = planTab(simulate(prepared, options({ lead: 0 })), prepared);
    expect(all.rows).toEqual(['A', 'B']);
    expect(all.cols[0]).toBe('2025-W27');
    expect(all.cells[0]![2]!.total).toBe(3);
    expect(all.cells[1]![3]!.byStatus.projected).toBe(1);
    expect(all.max).toBe(3);
    const a = planTab(simulate(prepared, options({ lead: 2, unit: 'A' })), prepared);
    expect(a.rows).toEqual(['Bo', 'Øje']);
    expect(a.cells.flat().reduce((s, c) => s + c.total, 0)).toBe(3);
    expect(a.max).toBe(1);
  });

  it('lists per caseworker and week which follow-ups to start, with their due date', () => {
    const sim = simulate(prepared, options({ lead: 2, unit: 'A' }));
    const rows = planRows(sim, AS_OF);
    expect(rows.map((r) => [r.caseworker, r.week.key, r.caseId, r.weeksEarly])).toEqual([
      ['Bo', '2025-W28', 'A1', 1],
      ['Bo', '2025-W29', 'A2', 0],
      ['Øje', '2025-W27', 'A0', 2],
    ]);
    expect(planRows(sim, AS_OF, 0, 0).map((r) => r.caseId)).toEqual(['A0']);
    const list = planList(sim, AS_OF);
    expect(list.groups.map((g) => [g.caseworker, g.from, g.to])).toEqual([['Bo', 0, 2], ['Øje', 2, 3]]);
    expect(rowsOf(list, 2)).toEqual(rows.slice(2));
    expect(list.at(1)).toBe(list.at(1));
    expect(() => list.at(3)).toThrow(RangeError);
    // As lines: each caseworker's heading before its rows.
    const lines = planLines(list);
    expect(Array.from({ length: lines.length }, (_, i) => lines.at(i)).map((l) => ('group' in l ? l.group.caseworker : l.row.caseId))).toEqual(['Bo', 'A1', 'A2', 'Øje', 'A0']);
    expect(() => lines.at(5)).toThrow(RangeError);
    expect(planCells(rows.slice(0, 1))).toEqual([['A', 'Bo', '2025-W28', '2025-07-07', 'A1', 'M', 'Forebyggende', '2025-07-16', null, 1]]);
  });
});

describe('the command line and the view plan the same', () => {
  it('each unit’s printed peaks, bound and days early are the view’s simulation of that unit', () => {
    for (const [lead, catchUp] of [[0, 1], [4, 4], [12, 26]] as const) {
      const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 5, measures: 1200 }), 'canonical'), { leadWeeks: lead, catchUpWeeks: catchUp });
      const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);
      for (const unit of analysis.units) {
        const printed = analysis.levelling[unit]!;
        const level = simulate(prepared, options({ lead, catchUp, unit, policy: 'level' })).figures;
        const shift = simulate(prepared, options({ lead, catchUp, unit, policy: 'shift' })).figures;
        expect(printed.levelledPeak).toBe(level.peak.policy);
        expect(printed.lowerBound).toBe(level.lowerBound.policy);
        expect(printed.baselinePeak).toBe(level.peak.asDue);
        expect(printed.shiftPeak).toBe(shift.peak.policy);
        expect(printed.meanDaysEarly).toBeCloseTo(level.meanDaysEarly.policy, 10);
        expect(printed.backlog).toBe(prepared.units.find((u) => u.unit === unit)!.backlog.length);
      }
    }
  });
});

describe('the backlog in the plan', () => {
  // As of Wednesday 2025-07-02: two overdue in A (Bo's since 2025-05-01, Øje's since 2025-06-01), one job due in week 2.
  const obligations = [
    ob({ due: '2025-06-01', caseId: 'O2', status: 'overdue', caseworker: 'Øje' }),
    ob({ due: '2025-05-01', caseId: 'O1', status: 'overdue', caseworker: 'Bo' }),
    ob({ due: addDays(W0, 16), caseId: 'J1', caseworker: 'Bo' }),
  ];
  const prepared = prepareLevelling(obligations, ['A'], AS_OF);

  it('draws the backlog as its own load, caught up oldest first over the catch-up weeks', () => {
    const sim = simulate(prepared, options({ lead: 0, catchUp: 2, unit: 'A' }));
    expect(sim.backlogLoad.slice(0, 3)).toEqual([1, 1, 0]);
    expect(sim.load.slice(0, 3)).toEqual([1, 1, 1]);
    expect(sim.asDueLoad.slice(0, 3)).toEqual([1, 1, 1]);
    expect(sim.units[0]!.backlog.map((o) => o.caseId)).toEqual(['O1', 'O2']);
    expect([...sim.units[0]!.catchUpWeek]).toEqual([0, 1]);
    const tab = planTab(sim, prepared);
    expect(tab.rows).toEqual(['Bo', 'Øje']);
    expect(tab.cells[0]![0]!.byStatus.overdue).toBe(1);
    expect(tab.cells[1]![1]!.byStatus.overdue).toBe(1);
    expect(tab.cells[0]![2]!.byStatus.upcoming).toBe(1);
  });

  it('lists each caseworker’s overdue follow-ups first, with how many days overdue they are', () => {
    const rows = planRows(simulate(prepared, options({ lead: 0, catchUp: 2, unit: 'A' })), AS_OF);
    expect(rows.map((r) => [r.caseworker, r.caseId, r.week.key, r.overdue, r.daysOverdue])).toEqual([
      ['Bo', 'O1', '2025-W27', true, 62],
      ['Bo', 'J1', '2025-W29', false, 0],
      ['Øje', 'O2', '2025-W28', true, 31],
    ]);
    expect(planCells(rows.slice(0, 1))[0]!.slice(8)).toEqual([62, 0]);
  });

  it('a capacity serves the backlog first, so the follow-ups behind it turn late', () => {
    const job = (release: number, due: number): Job => ({ release, due });
    // One a week: the backlog of 2 takes weeks 0 and 1, so the job due in week 0 waits until week 2.
    expect(lateUnderCapacity([job(0, 0)], [0], 4, 1, [2, 0, 0, 0])).toBe(1);
    expect(lateUnderCapacity([job(0, 0)], [0], 4, 1, [])).toBe(0);
    const sim = simulate(prepared, options({ lead: 0, catchUp: 1, unit: 'A', capacity: 1 }));
    expect(sim.figures.backlog.policy).toBe(2 + 0);
    expect(sim.figures.weeksOver!.policy).toBe(1);
  });
});
