import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figuresOf, figuresWithCatchUp } from '../../src/domain/analyze.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';
import { backlogOrder, cascadeCounts, catchUpWeeks, dueDateCounts, dueWeekOf, isJob, planningWeeks, policyCosts, prepareLevelling, withMore } from '../../src/domain/levelling/index.ts';
import { byText, danishOrder } from '../../src/domain/collate.ts';
import { planningRange } from '../../src/domain/range.ts';
import type { Obligation, ObligationStatus } from '../../src/domain/types.ts';

/*
 * Another catch-up re-prepares the levelling from the prepared obligations
 * that do not move plus the backlog's new successors (`withMore`): that
 * must be exactly what preparing them all at once gives, whatever the split.
 */

const AS_OF = '2025-07-02';
const STATUSES: ObligationStatus[] = ['done_on_time', 'done_late', 'overdue', 'upcoming', 'missed', 'projected'];

// Few cases, dates and caseworkers, so that ties in every order are common; "Team 1" and "Team 01" collate as equals.
const obligation = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    day: fc.integer({ min: -8, max: 30 }).map((week) => 7 * week),
    caseId: fc.constantFrom('C1', 'C2', 'C10'),
    measureId: fc.constantFrom('M1', 'M2'),
    unit: fc.constantFrom('A', 'B', 'Z'),
    caseworker: fc.constantFrom('Kim', 'Åse', 'Team 1', 'Team 01', ''),
    seq: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ status, day, caseId, measureId, unit, caseworker, seq }): Obligation => {
    const due = addDays(AS_OF, day);
    return {
      measureKey: `${caseId}|${measureId}`, caseId, measureId, measureType: 'Forebyggende', seq, created: addDays(due, -180), due,
      completed: status.startsWith('done') ? due : null, status, measureEnd: null, unit, caseworker,
    };
  });

/**
 * The preparation as the rule reads, in one pass (what prepareLevelling
 * did before it became `withMore` onto units with nothing): per listed
 * unit, its jobs in due order, its backlog in catch-up order, its
 * caseworkers in Danish order, its open follow-ups counted by due date.
 */
function preparedByRule(obligations: readonly Obligation[], units: readonly string[], asOf: string) {
  const range = planningRange(asOf);
  const byDueThenCase = (a: Obligation, b: Obligation) => byText(a.due, b.due) || byText(a.caseId, b.caseId) || byText(a.measureId, b.measureId);
  return {
    asOf,
    range,
    weeks: planningWeeks(range),
    units: units.map((unit) => {
      const mine = obligations.filter((o) => o.unit === unit);
      const jobs = mine.filter((o) => isJob(o, range.last)).sort(byDueThenCase);
      const backlog = mine.filter((o) => o.status === 'overdue').sort(backlogOrder);
      const workers = [...new Set([...jobs, ...backlog].map((o) => o.caseworker))].sort(danishOrder);
      const openDue = new Map<string, number>();
      for (const o of mine) if (o.status === 'upcoming') openDue.set(o.due, (openDue.get(o.due) ?? 0) + 1);
      return {
        unit,
        jobs,
        dueWeek: Int32Array.from(jobs, (o) => dueWeekOf(range, o.due)),
        projected: Uint8Array.from(jobs, (o) => (o.status === 'projected' ? 1 : 0)),
        backlog,
        workers,
        worker: Int32Array.from(jobs, (o) => workers.indexOf(o.caseworker)),
        backlogWorker: Int32Array.from(backlog, (o) => workers.indexOf(o.caseworker)),
        openDue,
      };
    }),
  };
}

describe('preparing more obligations onto prepared ones', () => {
  it('gives what preparing them all at once gives, for any split, and that is the rule’s preparation', () => {
    fc.assert(
      fc.property(fc.array(obligation, { maxLength: 60 }), fc.nat(), (all, cut) => {
        const at = all.length === 0 ? 0 : cut % (all.length + 1);
        const units = ['A', 'B']; // Z is left out, as units not listed are
        const once = prepareLevelling(all, units, AS_OF);
        const inTwo = withMore(prepareLevelling(all.slice(0, at), units, AS_OF), all.slice(at));
        expect(inTwo).toEqual(once);
        expect(once).toEqual(preparedByRule(all, units, AS_OF));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a unit the new obligations do not touch as it was', () => {
    const first = prepareLevelling([], ['A', 'B'], AS_OF);
    const more = withMore(first, [{ ...fc.sample(obligation, 1)[0]!, unit: 'A', status: 'projected', due: addDays(AS_OF, 10) }]);
    expect(more.units[1]).toBe(first.units[1]);
    expect(more.units[0]!.jobs).toHaveLength(1);
  });
});

describe('another catch-up, counted from the obligations that do not move', () => {
  const bytes = exportText(generateRows({ seed: 5, measures: 1200 }), 'canonical');
  const base = figuresOf(bytes, { asOf: '2025-10-31' });

  it('gives the levelling preparation and figures of an analysis made with that catch-up', () => {
    for (const catchUp of [1, 3, 4, 9, 26, 2]) {
      const fresh = figuresOf(bytes, { asOf: '2025-10-31', catchUpWeeks: catchUp });
      const replayed = figuresWithCatchUp(base, catchUp);
      expect(replayed.prepared).toEqual(fresh.prepared);
      expect(replayed.analysis.dueByUnitMonth).toEqual(fresh.analysis.dueByUnitMonth);
      expect(replayed.analysis.status).toEqual(fresh.analysis.status);
      expect(replayed.obligations).toEqual(fresh.obligations);
    }
  });

  it('keeps the last three catch-ups seen: one seen again is the same figures, one forgotten is made again alike', () => {
    const first = figuresWithCatchUp(base, 5);
    expect(figuresWithCatchUp(base, 6)).not.toBe(first);
    expect(figuresWithCatchUp(base, 5)).toBe(first);
    // Seen again, 5 is forgotten after 6 and 7: 8 and 9 push those out, 10 pushes out 5.
    figuresWithCatchUp(base, 7);
    expect(figuresWithCatchUp(base, 5)).toBe(first);
    for (const catchUp of [8, 9, 10]) figuresWithCatchUp(base, catchUp);
    const again = figuresWithCatchUp(base, 5);
    expect(again).not.toBe(first);
    expect(again.prepared).toEqual(first.prepared);
    expect(again.analysis.status).toEqual(first.analysis.status);
    expect(again.obligations).toEqual(first.obligations);
  });

  it('costs each policy as an analysis with that catch-up does, the chains remembered across catch-ups or not', () => {
    for (const catchUp of [2, 7, 2, 26]) {
      const fresh = figuresOf(bytes, { asOf: '2025-10-31', catchUpWeeks: catchUp });
      const replayed = figuresWithCatchUp(base, catchUp);
      for (const lead of [0, 4]) {
        const options = { lead, catchUp, unit: null, interval: 6 };
        expect(policyCosts(replayed.prepared, options)).toEqual(policyCosts(fresh.prepared, options));
      }
      // The backlog's chains start on its catch-up days, one follow-up on each as the rule spreads them (SPEC §7.1).
      const { firstWorkday } = planningRange(fresh.analysis.asOf);
      for (const u of fresh.prepared.units) {
        const days = dueDateCounts(Array.from(catchUpWeeks(u, catchUp), (week) => addDays(firstWorkday, 7 * week)));
        const asDue = cascadeCounts(u.openDue, fresh.analysis.asOf, [12, 24], 6, 0, days);
        expect(policyCosts(fresh.prepared, { lead: 4, catchUp, unit: u.unit, interval: 6 })[0]!.policies.due.periods.map((p) => p.asDue)).toEqual(asDue);
      }
    }
  });
});
