import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar.ts';
import { byText, danishOrder } from '../../src/domain/collate.ts';
import { planLines, planList, planRows, prepareLevelling, rowsOf, simulate, POLICY_NAMES, type PlanRow } from '../../src/domain/levelling/index.ts';
import type { Obligation } from '../../src/domain/types.ts';

/*
 * The plan's rows are put in order by ranks of the units and caseworkers
 * (a national plan has 100,000s of rows): the order must be the one the
 * rule says, by names in Danish order, with names that order holds equal
 * (Team 01, Team 1) kept apart, so that no caseworker's rows are split.
 */

const AS_OF = '2025-07-02';

/** Names in Danish order, those it holds equal (Team 01, Team 1) by their code units. */
const byName = (a: string, b: string) => danishOrder(a, b) || byText(a, b);

/** The rule, as written: unit, caseworker (Danish order), overdue first, week, due date, case. */
const byRule = (a: PlanRow, b: PlanRow) =>
  byName(a.unit, b.unit) ||
  byName(a.caseworker, b.caseworker) ||
  Number(b.overdue) - Number(a.overdue) ||
  byText(a.week.monday, b.week.monday) ||
  byText(a.due, b.due) ||
  danishOrder(a.caseId, b.caseId);

const obligation = fc
  .record({
    overdue: fc.boolean(),
    day: fc.integer({ min: 0, max: 170 }),
    caseId: fc.constantFrom('C9', 'C10', 'c10', 'Ø1', 'A1'),
    unit: fc.constantFrom('Valby', 'Amager', 'Østerbro', 'amager'),
    caseworker: fc.constantFrom('Kim', 'Åse', 'Team 9', 'Team 10', 'Team 01', 'Team 1', ''),
  })
  .map(({ overdue, day, caseId, unit, caseworker }): Obligation => {
    const due = addDays(AS_OF, overdue ? -day - 1 : day);
    return {
      measureKey: `${caseId}|M`, caseId, measureId: 'M', measureType: 'Forebyggende', seq: 1, created: addDays(due, -90), due,
      completed: null, status: overdue ? 'overdue' : 'upcoming', measureEnd: null, unit, caseworker,
    };
  });

describe('the plan’s order', () => {
  it('is the rule’s order, for any plan', () => {
    fc.assert(
      fc.property(fc.array(obligation, { maxLength: 80 }), fc.constantFrom(...POLICY_NAMES), fc.integer({ min: 0, max: 8 }), (all, policy, lead) => {
        const prepared = prepareLevelling(all, ['Valby', 'Amager', 'Østerbro', 'amager'], AS_OF);
        const sim = simulate(prepared, { lead, policy, catchUp: 4, capacity: null, unit: null });
        const rows = planRows(sim, AS_OF);
        expect(rows).toEqual([...rows].sort(byRule));
        expect(rows).toHaveLength(all.length);
        // Each caseworker's rows together, under one heading: the list's keys are its headings'.
        const list = planList(sim, AS_OF);
        const keys = list.groups.map((g) => g.key);
        expect(new Set(keys).size).toBe(keys.length);
        // As lines, each heading before its rows: what the scrolled table reads, a line at a time.
        const lines = planLines(list);
        expect(Array.from({ length: lines.length }, (_, i) => lines.at(i))).toEqual(list.groups.flatMap((g) => [{ group: g }, ...rowsOf(list, g.from, g.to).map((row) => ({ row }))]));
      }),
      { numRuns: 300 },
    );
  });
});
