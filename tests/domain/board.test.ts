import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { boardCards, boards, checkWeeks, checksByUnit, unitBoard, type Board, type BoardOptions } from '../../src/domain/board/index.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { planRows, prepareLevelling, simulate, type PolicyName } from '../../src/domain/levelling/index.ts';

/*
 * The board is the levelling plan laid out per caseworker and week: these
 * tests start from export rows, so each card's column is the plan's.
 */

const AS_OF = '2025-10-31'; // a Friday: w0 is the week of Monday 3 November (ISO week 45)

/** An export from compact rows: case, measure, unit, caseworker, event, date[, type]. */
function exportOf(...rows: string[][]): string {
  return ['case_id,measure_id,unit,caseworker,event,date,measure_type', ...rows.map((r) => [...r.slice(0, 6), r[6] ?? 'forebyggende'].join(','))].join('\n');
}

function boardOf(text: string, unit: string, o: { lead?: number; policy?: PolicyName; catchUp?: number } & Partial<BoardOptions> = {}): Board {
  const { analysis, obligations } = deriveExport(text, { asOf: AS_OF, catchUpWeeks: o.catchUp ?? 4 });
  const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);
  const sim = simulate(prepared, { lead: o.lead ?? 4, policy: o.policy ?? 'level', catchUp: o.catchUp ?? 4, capacity: null, unit });
  return unitBoard(sim.units[0]!, sim.weeks, analysis.asOf, { weeks: o.weeks ?? 8, capacity: o.capacity ?? null, ...(o.fte && { fte: o.fte }), ...(o.types && { types: o.types }) });
}

const row = (board: Board, caseworker: string) => board.rows.find((r) => r.caseworker === caseworker)!;
const cases = (cards: readonly { caseId: string }[]) => cards.map((c) => c.caseId);

describe('the board of a unit', () => {
  // Three follow-ups overdue at the as-of date (91, 46 and 11 days), caught up over 4 weeks.
  const backlog = exportOf(
    ['B2', 'M2', 'Amager', 'AB', 'start', '2025-06-15'],
    ['B1', 'M1', 'Amager', 'AB', 'start', '2025-05-01'],
    ['B3', 'M3', 'Amager', 'AB', 'start', '2025-07-20'],
  );

  it('puts every overdue follow-up in the first column, oldest first, with how many days late', () => {
    const board = boardOf(backlog, 'Amager');
    const ab = row(board, 'AB');
    expect(cases(ab.overdue.cards)).toEqual(['B1', 'B2', 'B3']);
    expect(ab.overdue.cards.map((c) => c.daysOverdue)).toEqual([91, 46, 11]);
    expect(ab.overdue.cards.every((c) => c.overdue && c.weeksEarly === 0 && c.seq === 1)).toBe(true);
    expect(ab.overdue.count).toBe(3);
    expect(board.totals.overdue).toBe(3);
  });

  it('counts each overdue follow-up in the week it is caught up in, while its card stays in the first column', () => {
    const ab = row(boardOf(backlog, 'Amager'), 'AB');
    // Three over four weeks: floor(i × 4 / 3) = weeks 0, 1 and 2.
    expect(ab.overdue.cards.map((c) => c.week)).toEqual([0, 1, 2]);
    expect(ab.weeks.map((c) => c.count)).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(ab.weeks.every((c) => c.cards.length === 0)).toBe(true);
    expect(ab.total).toBe(3);
    // Caught up in one week, all three are that week's load.
    expect(row(boardOf(backlog, 'Amager', { catchUp: 1 }), 'AB').weeks[0]!.count).toBe(3);
  });

  it('puts a follow-up due at the weekend before w0 in w0, neither overdue nor early', () => {
    // Due Sunday 2 November, after the as-of Friday and before Monday 3 November.
    const board = boardOf(exportOf(['S1', 'M1', 'Valby', 'CD', 'start', '2025-08-02']), 'Valby');
    expect(board.weeks[0]).toEqual({ key: '2025-W45', monday: '2025-11-03' });
    const [card] = row(board, 'CD').weeks[0]!.cards;
    expect(card).toMatchObject({ caseId: 'S1', due: '2025-11-02', overdue: false, daysOverdue: 0, week: 0, weeksEarly: 0, seq: 1 });
    expect(row(board, 'CD').overdue.cards).toEqual([]);
  });

  it('marks a follow-up the levelled plan moves two weeks early, in the week it is planned', () => {
    // Three due in week 2 (17–19 November); with a lead of 2 the levelled plan does one a week.
    const text = exportOf(
      ['L1', 'M1', 'Valby', 'CD', 'start', '2025-08-17'],
      ['L2', 'M2', 'Valby', 'CD', 'start', '2025-08-18'],
      ['L3', 'M3', 'Valby', 'CD', 'start', '2025-08-19'],
    );
    const cd = row(boardOf(text, 'Valby', { lead: 2 }), 'CD');
    expect(cd.weeks.slice(0, 3).map((cell) => cell.cards.map((c) => c.weeksEarly))).toEqual([[2], [1], [0]]);
    // As due, all three sit in week 2, none early.
    const asDue = row(boardOf(text, 'Valby', { lead: 2, policy: 'due' }), 'CD');
    expect(asDue.weeks[2]!.cards.map((c) => c.weeksEarly)).toEqual([0, 0, 0]);
    expect(asDue.weeks[2]!.count).toBe(3);
  });

  it('follows a caseworker transfer: a follow-up goes to whoever holds the measure at its due date', () => {
    const board = boardOf(
      exportOf(
        // Transferred to CD before the due date (5 November): CD's.
        ['T1', 'M1', 'Nørrebro', 'AB', 'start', '2025-08-05'],
        ['T1', 'M1', 'Nørrebro', 'CD', 'technical_follow_up', '2025-09-01'],
        // Transferred after its due date (10 August): the overdue one stays AB's.
        ['T2', 'M2', 'Nørrebro', 'AB', 'start', '2025-05-10'],
        ['T2', 'M2', 'Nørrebro', 'CD', 'technical_follow_up', '2025-09-01'],
      ),
      'Nørrebro',
    );
    expect(board.rows.map((r) => r.caseworker)).toEqual(['AB', 'CD']);
    expect(cases(row(board, 'CD').weeks.flatMap((c) => c.cards))).toEqual(['T1']);
    expect(cases(row(board, 'AB').weeks.flatMap((c) => c.cards))).toEqual([]);
    expect(cases(row(board, 'AB').overdue.cards)).toEqual(['T2']);
    expect(row(board, 'CD').overdue.cards).toEqual([]);
  });

  it('says which follow-up a card is: the first after the start, or a later one', () => {
    const board = boardOf(
      exportOf(['S1', 'M1', 'Valby', 'CD', 'start', '2025-02-10'], ['S1', 'M1', 'Valby', 'CD', 'follow_up', '2025-05-12']),
      'Valby',
    );
    // Followed up 12 May: the second is due 12 November, in week 46.
    expect(row(board, 'CD').weeks.flatMap((c) => c.cards)).toMatchObject([{ caseId: 'S1', seq: 2, due: '2025-11-12' }]);
  });

  it('keeps follow-ups with no caseworker in a swimlane of their own, after the caseworkers', () => {
    const board = boardOf(
      exportOf(['N1', 'M1', 'Valby', '', 'start', '2025-08-10'], ['S1', 'M2', 'Valby', 'Øe', 'start', '2025-08-11'], ['S2', 'M3', 'Valby', 'Ad', 'start', '2025-08-12']),
      'Valby',
    );
    expect(board.rows.map((r) => r.caseworker)).toEqual(['Ad', 'Øe', '']);
  });

  it('marks a week over a caseworker’s capacity, weighted by their FTE', () => {
    const text = exportOf(
      ['C1', 'M1', 'Valby', 'AB', 'start', '2025-08-04'],
      ['C2', 'M2', 'Valby', 'AB', 'start', '2025-08-05'],
      ['C3', 'M3', 'Valby', 'CD', 'start', '2025-08-04'],
      ['C4', 'M4', 'Valby', 'CD', 'start', '2025-08-05'],
    );
    const board = boardOf(text, 'Valby', { lead: 0, capacity: 2, fte: { CD: 0.5 } });
    expect(row(board, 'AB')).toMatchObject({ capacity: 2 });
    expect(row(board, 'CD')).toMatchObject({ capacity: 1 });
    expect(row(board, 'AB').weeks[0]).toMatchObject({ count: 2, over: false });
    expect(row(board, 'CD').weeks[0]).toMatchObject({ count: 2, over: true });
    expect(boardOf(text, 'Valby', { lead: 0 }).rows.every((r) => r.capacity === null && r.weeks.every((c) => !c.over))).toBe(true);
  });

  it('shows only the measure types chosen, and keeps every swimlane', () => {
    const text = exportOf(
      ['C1', 'M1', 'Valby', 'AB', 'start', '2025-08-04', 'anbringelse'],
      ['C2', 'M2', 'Valby', 'CD', 'start', '2025-08-05', 'forebyggende'],
      ['C3', 'M3', 'Valby', 'CD', 'start', '2025-05-05', 'anbringelse'],
    );
    const board = boardOf(text, 'Valby', { types: ['anbringelse'] });
    expect(board.rows.map((r) => r.caseworker)).toEqual(['AB', 'CD']);
    expect(cases(boardCards(board).map((c) => c.card))).toEqual(['C1', 'C3']);
    expect(board.totals).toMatchObject({ overdue: 1, cards: 2 });
  });

  it('gives back the same card where a re-plan leaves it, and a new one where it moves', () => {
    const text = exportOf(
      ['L1', 'M1', 'Valby', 'CD', 'start', '2025-08-17'],
      ['L2', 'M2', 'Valby', 'CD', 'start', '2025-08-18'],
      ['L3', 'M3', 'Valby', 'CD', 'start', '2025-08-19'],
    );
    const { analysis, obligations } = deriveExport(text, { asOf: AS_OF });
    const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);
    const at = (lead: number) => {
      const sim = simulate(prepared, { lead, policy: 'level', catchUp: 4, capacity: null, unit: 'Valby' });
      return boardCards(unitBoard(sim.units[0]!, sim.weeks, analysis.asOf, { weeks: 8, capacity: null })).map((c) => c.card);
    };
    const [before, again, moved] = [at(2), at(2), at(0)];
    expect(again).toEqual(before);
    again.forEach((card, i) => expect(card).toBe(before[i]));
    // At lead 0 all three are done in week 2: the two that moved are new cards, the one that stayed is the same.
    const stayed = before.find((c) => c.week === 2)!;
    expect(moved.find((c) => c.key === stayed.key)).toBe(stayed);
    expect(moved.filter((c) => before.includes(c))).toHaveLength(1);
  });

  it('shows from 4 to 12 weeks and refuses other numbers', () => {
    expect(boardOf(backlog, 'Amager', { weeks: 4 }).weeks).toHaveLength(4);
    expect(boardOf(backlog, 'Amager', { weeks: 12 }).rows[0]!.weeks).toHaveLength(12);
    expect(() => boardOf(backlog, 'Amager', { weeks: 13 })).toThrow(/invalid board weeks: 13/);
  });
});

describe('the board and the levelling plan', () => {
  const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 12, measures: 2500 }), 'canonical'));
  const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);

  it.each([
    ['level', 4, 4],
    ['shift', 6, 2],
    ['due', 0, 8],
  ] as const)('never disagree (%s, lead %i, catch-up %i): every planned follow-up is on the board in its week, and each week’s total is the plan’s load', (policy, lead, catchUp) => {
    const sim = simulate(prepared, { lead, policy, catchUp, capacity: null, unit: null });
    const all = boards(sim, analysis.asOf, { weeks: 8, capacity: null });
    expect(all.map((b) => b.unit)).toEqual(analysis.units);
    all.forEach((board, u) => {
      expect(board.totals.weeks).toEqual(sim.units[u]!.load.slice(0, 8));
      expect(board.totals.overdue).toBe(sim.units[u]!.backlog.length);
    });
    const onBoard = all.flatMap((board) =>
      boardCards(board).map(({ caseworker, column, card }) => `${board.unit}|${caseworker}|${card.overdue ? 'overdue' : column}|${card.caseId}|${card.measureId}|${card.due}|${card.weeksEarly}`),
    );
    const planned = planRows(sim, analysis.asOf, 0, 7).map(
      (r) => `${r.unit}|${r.caseworker}|${r.overdue ? 'overdue' : sim.weeks.indexOf(r.week)}|${r.caseId}|${r.measureId}|${r.due}|${r.weeksEarly}`,
    );
    // The board lists overdue follow-ups caught up after week 8 too: the plan's rows up to week 8 are all on it.
    expect(onBoard.filter((k) => !k.includes('|overdue|')).sort()).toEqual(planned.filter((k) => !k.includes('|overdue|')).sort());
    expect(onBoard.filter((k) => k.includes('|overdue|')).length).toBe(all.reduce((s, b) => s + b.totals.overdue, 0));
    expect(new Set(onBoard).size).toBe(onBoard.length);
  });
});

describe('the weeks before the plan against what was due', () => {
  it('counts per caseworker what was due in the week, what was done in it, and what is still open', () => {
    // The checked week is 27 October – 2 November, the week before w0.
    const { obligations } = deriveExport(
      exportOf(
        // Due 28 October, done 29 October: due and done in the week.
        ['S1', 'M1', 'Valby', 'AB', 'start', '2025-07-28'],
        ['S1', 'M1', 'Valby', 'AB', 'follow_up', '2025-10-29'],
        // Due 30 October, not done: due and open.
        ['S2', 'M2', 'Valby', 'AB', 'start', '2025-07-30'],
        // Due 20 October, done late on 27 October: done in the week, not due in it.
        ['S3', 'M3', 'Valby', 'AB', 'start', '2025-07-20'],
        ['S3', 'M3', 'Valby', 'AB', 'follow_up', '2025-10-27'],
        // Another caseworker's, due in the week but for a measure that ended before: neither done nor open.
        ['S4', 'M4', 'Valby', 'CD', 'start', '2025-07-29'],
        ['S4', 'M4', 'Valby', 'CD', 'measure_end', '2025-10-30'],
        // Another unit's.
        ['S5', 'M5', 'Amager', 'AB', 'start', '2025-07-28'],
      ),
      { asOf: AS_OF },
    );
    const check = checkWeeks(obligations, 'Valby', { first: '2025-11-03' }, 1);
    expect(check.weeks).toEqual([{ key: '2025-W44', monday: '2025-10-27' }]);
    expect(check.rows.map((r) => [r.name, r.weeks[0]])).toEqual([
      ['AB', { due: 2, done: 2, open: 1 }],
      ['CD', { due: 1, done: 0, open: 0 }],
    ]);
    expect(check.totals[0]).toEqual({ due: 3, done: 2, open: 1 });
    // Two weeks back, the late one counts as due in the earlier week.
    const two = checkWeeks(obligations, 'Valby', { first: '2025-11-03' }, 2);
    expect(two.rows[0]!.weeks).toEqual([{ due: 1, done: 0, open: 0 }, { due: 2, done: 2, open: 1 }]);
    expect(two.rows[0]!.total).toEqual({ due: 3, done: 2, open: 1 });
  });

  it('adds up the units’ checks as a row per unit', () => {
    const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 5, measures: 1500 }), 'canonical'));
    const first = prepareLevelling(obligations, analysis.units, analysis.asOf).range.first;
    const checks = analysis.units.map((u) => checkWeeks(obligations, u, { first }, 3));
    const all = checksByUnit(checks, checks[0]!.weeks);
    expect(all.rows.map((r) => r.name)).toEqual(analysis.units);
    expect(all.total.due).toBe(checks.reduce((s, c) => s + c.total.due, 0));
    expect(all.total.due).toBeGreaterThan(0);
    expect(all.totals.map((w) => w.done)).toEqual([0, 1, 2].map((i) => checks.reduce((s, c) => s + c.totals[i]!.done, 0)));
  });
});
