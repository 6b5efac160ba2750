import { describe, expect, it } from 'vitest';
import type { Board, BoardCard } from '../../src/domain/board/index.ts';
import { columnWidth, fitSheet, rowsHeight, SHEET } from '../../src/app/pages/board/fit.ts';
import { cardParts, namesOf, typeLetters } from '../../src/app/pages/board/format.ts';
import { clamp, move, type Grid } from '../../src/app/pages/board/keys.ts';
import { board } from '../../src/app/pages/board/params.ts';
import { readNumber } from '../../src/app/numbers.ts';
import { planOf, planWriters } from '../../src/app/pages/levelling/params.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';

const card = (p: Partial<BoardCard> = {}): BoardCard => ({
  key: 'k', caseId: 'S1234567', measureId: 'F1', measureType: 'forebyggende', seq: 2, due: '2026-11-12', overdue: false, daysOverdue: 0, week: 1,
  planned: { key: '2026-W46', monday: '2026-11-09' }, weeksEarly: 0, ...p,
});

/** A board shaped for the layout: per row, the overdue cards and each week's. */
function shaped(rows: { overdue: number; weeks: number[] }[]): Pick<Board, 'rows' | 'weeks'> {
  const cards = (n: number) => Array.from({ length: n }, (_, i) => card({ key: String(i) }));
  const weeks = rows[0]?.weeks.length ?? 8;
  return {
    weeks: Array.from({ length: weeks }, (_, i) => ({ key: `2026-W${45 + i}`, monday: '2026-11-02' })),
    rows: rows.map((r, i) => ({
      caseworker: `W${i}`, capacity: null, total: 0,
      overdue: { cards: cards(r.overdue), count: r.overdue, over: false },
      weeks: r.weeks.map((n) => ({ cards: cards(n), count: n, over: false })),
    })),
  };
}

/** Widths at 10 pt as Arial Narrow gives them for the cards above. */
const NARROW = { full: 26, line: 33 };

describe('the printed board’s size', () => {
  it('gives a small unit two-line cards at a size to read from a distance', () => {
    const fit = fitSheet(shaped(Array.from({ length: 8 }, () => ({ overdue: 3, weeks: [2, 1, 2, 1, 2, 1, 2, 1] }))), NARROW);
    expect(fit).toEqual({ mode: 'full', pt: 12, onePage: true });
  });

  it('shrinks cards to one line each when a unit of about 300 follow-ups needs it, and keeps it on one page', () => {
    // 15 caseworkers with 20 follow-ups each: 6 overdue, the rest spread over the 8 weeks with a busy week.
    const board = shaped(Array.from({ length: 15 }, () => ({ overdue: 6, weeks: [3, 2, 2, 1, 2, 1, 1, 2] })));
    const fit = fitSheet(board, NARROW);
    expect(fit.mode).toBe('line');
    expect(fit.onePage).toBe(true);
    expect(fit.pt).toBeGreaterThanOrEqual(6);
    expect(rowsHeight(board, 'line', fit.pt)).toBeLessThanOrEqual(SHEET.height - SHEET.fixed);
    // Two-line cards would not fit at the smallest size they come in.
    expect(rowsHeight(board, 'full', 9)).toBeGreaterThan(SHEET.height - SHEET.fixed);
  });

  it('lets a board too big for one page spill at a size that reads', () => {
    const fit = fitSheet(shaped(Array.from({ length: 20 }, () => ({ overdue: 20, weeks: [9, 8, 9, 8, 9, 8, 9, 8] }))), NARROW);
    expect(fit).toEqual({ mode: 'line', pt: 8, onePage: false });
  });

  it('takes smaller cards where the columns are narrow: 12 weeks rather than 4', () => {
    const rows = (weeks: number) => shaped([{ overdue: 1, weeks: Array.from({ length: weeks }, () => 1) }]);
    expect(columnWidth(12)).toBeLessThan(columnWidth(4));
    expect(fitSheet(rows(12), NARROW).pt).toBeLessThan(fitSheet(rows(4), NARROW).pt);
  });

  it('counts the overdue column’s cards two to a line', () => {
    expect(rowsHeight(shaped([{ overdue: 10, weeks: [5] }]), 'line', 10)).toBe(rowsHeight(shaped([{ overdue: 0, weeks: [5] }]), 'line', 10));
    expect(rowsHeight(shaped([{ overdue: 11, weeks: [5] }]), 'line', 10)).toBeGreaterThan(rowsHeight(shaped([{ overdue: 0, weeks: [5] }]), 'line', 10));
  });
});

describe('moving through the board by keyboard', () => {
  // Two swimlanes, three columns; the first cell holds 3 items, the rest 1.
  const grid: Grid = { rows: 2, cols: 3, items: (r, c) => (r === 0 && c === 0 ? 3 : 1) };

  it('goes down through a cell’s cards and on into the cell below, and back up to the last card', () => {
    expect(move({ r: 0, c: 0, k: 0 }, 'ArrowDown', grid)).toEqual({ r: 0, c: 0, k: 1 });
    expect(move({ r: 0, c: 0, k: 2 }, 'ArrowDown', grid)).toEqual({ r: 1, c: 0, k: 0 });
    expect(move({ r: 1, c: 0, k: 0 }, 'ArrowUp', grid)).toEqual({ r: 0, c: 0, k: 2 });
    expect(move({ r: 1, c: 0, k: 0 }, 'ArrowDown', grid)).toBeNull();
  });

  it('goes sideways to the same card or the last there is, and stops at the edges', () => {
    expect(move({ r: 0, c: 0, k: 2 }, 'ArrowRight', grid)).toEqual({ r: 0, c: 1, k: 0 });
    expect(move({ r: 0, c: 1, k: 0 }, 'ArrowLeft', grid)).toEqual({ r: 0, c: 0, k: 0 });
    expect(move({ r: 0, c: 0, k: 0 }, 'ArrowLeft', grid)).toBeNull();
    expect(move({ r: 0, c: 2, k: 0 }, 'ArrowRight', grid)).toBeNull();
    expect(move({ r: 1, c: 1, k: 0 }, 'Home', grid)).toEqual({ r: 1, c: 0, k: 0 });
    expect(move({ r: 1, c: 1, k: 0 }, 'End', grid)).toEqual({ r: 1, c: 2, k: 0 });
    expect(move({ r: 0, c: 0, k: 0 }, 'Enter', grid)).toBeNull();
  });

  it('keeps the focused place where it still is after the board changed', () => {
    expect(clamp({ r: 5, c: 9, k: 4 }, grid)).toEqual({ r: 1, c: 2, k: 0 });
    expect(clamp({ r: 0, c: 0, k: 2 }, grid)).toEqual({ r: 0, c: 0, k: 2 });
  });
});

describe('the board’s address', () => {
  it('has its fields read a decimal comma or point and refuse what a capacity or an FTE cannot be', () => {
    const cap = (t: string) => readNumber(t, 'da', board.capacity.rule);
    expect(['6,5', '6.5', ' 6 ', ''].map(cap)).toEqual([6.5, 6.5, 6, null].map((value) => ({ ok: true, value })));
    expect(['x', '0', '-2', '6,'].map((t) => cap(t).ok)).toEqual([false, false, false, false]);
    const fte = (t: string) => readNumber(t, 'da', board.fte.rule);
    expect(fte('0,8')).toEqual({ ok: true, value: 0.8 });
    expect(fte('2,5')).toEqual({ ok: false, refusal: { code: 'max', max: 2 } });
  });

  it('reads a hand-edited decimal comma in a link', () => {
    expect(board.capacity.read('6,5')).toBe(6.5);
    expect(board.fte.read('AB:0%2C5')).toEqual({ AB: 0.5 });
  });

  it('reads 4 to 12 weeks, clamped like the field, 8 otherwise', () => {
    expect(['4', '12', '2', '20', 'x', null, '6.5'].map((t) => board.weeks.read(t))).toEqual([4, 12, 4, 12, 8, 8, 7]);
  });

  it('reads a capacity above 0 and FTEs above 0 and at most 2', () => {
    expect(['6', '2.5', '0', 'x', null].map((t) => board.capacity.read(t))).toEqual([6, 2.5, null, null, null]);
    expect({ ...board.fte.read('AB:0.5,CD:3,EF:0,GH:1.5') }).toEqual({ AB: 0.5, GH: 1.5 });
    expect(board.fte.write({ AB: 0.5, CD: 3 })).toBe('AB:0.5');
  });

  it('reads 1 to 8 weeks to check, 1 otherwise', () => {
    expect(['1', '8', '9', '0', 'x'].map((t) => board.check.read(t))).toEqual([1, 8, 8, 1, 1]);
  });

  it('reads the plan in one go, as the levelling view does, and writes it with the same handlers', () => {
    const place = { location: new URL('https://sagsflow.test/?lead=8&policy=shift&catchup=40&levelcap=30&levelunit=Valby'), history: { state: null, replaceState: (_s: unknown, _t: string, url: URL) => (place.location = new URL(url)) } };
    const url = new UrlState(place as never);
    expect(planOf(url, ['Amager', 'Valby'])).toEqual({ lead: 8, policy: 'shift', catchUp: 26, capacity: 30, unit: 'Valby' });
    expect(planOf(url, ['Amager'])).toMatchObject({ unit: null });
    const write = planWriters(url);
    write.onlead(4);
    write.onunit(null);
    write.oncatchup(2);
    expect(place.location.search).toBe('?policy=shift&catchup=2&levelcap=30');
  });
});

describe('the board’s words', () => {
  it('labels a week by its ISO week and its Monday, in Danish and in English', () => {
    const weeks = [{ key: '2026-W45', monday: '2026-11-02' }];
    locale.lang = 'da';
    expect(namesOf(weeks).dated('2026-W45')).toBe('uge 45 · 2. nov.');
    locale.lang = 'en';
    expect(namesOf(weeks).dated('2026-W45')).toMatch(/^week 45 · (2 Nov|Nov 2)$/);
  });

  it('gives each measure type a letter, and a one-line card its parts with the mark last', () => {
    const letters = typeLetters(['aflastning', 'forebyggende']);
    expect([...letters.values()]).toEqual(['A', 'B']);
    locale.lang = 'da';
    expect(cardParts(card({ weeksEarly: 2 }), letters).short).toEqual(['B', '12.11', '#2', '◀2']);
    expect(cardParts(card({ overdue: true, daysOverdue: 53 }), letters).full).toEqual(['2. opf.', '53 d.']);
    expect(cardParts(card({ measureType: '' }), letters).short[0]).toBe('–');
    locale.lang = 'en';
  });
});
