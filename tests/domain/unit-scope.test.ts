import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figuresOf } from '../../src/domain/analyze.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { columnWarnings } from '../../src/domain/import/mixup.ts';
import { eventRows } from '../../src/domain/import/rows.ts';
import { addShapes, foldUnits, largestUnits, UNIT_LIMIT } from '../../src/domain/scope/largest.ts';
import { followUpsOf, shownFigures, summedFigures, unitScopeOf } from '../../src/domain/scope/figures.ts';
import { overdueRows } from '../../src/domain/aggregate/overdue.ts';
import { simulate } from '../../src/domain/levelling/index.ts';
import { technicalCases } from '../../src/domain/aggregate/registrations.ts';
import { STATUSES, type EventRecord } from '../../src/domain/types.ts';

/** Units with a count each: names may repeat in case only, counts tie. */
const weighted = fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.nat({ max: 50 }), { maxKeys: 60 });

/** An export of `units` different units, one measure each: a unit column mixed up with the measure ids. */
function mixedUp(units: number, measures = units) {
  const rows = generateRows({ seed: 3, measures, badRows: 0, duplicates: 0 });
  const unitOf = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.caseId}|${r.measureId}`;
    if (!unitOf.has(key)) unitOf.set(key, `Enhed ${unitOf.size % units}`);
    r.unit = unitOf.get(key)!;
  }
  return exportText(rows, 'canonical');
}

describe('largestUnits', () => {
  it('largestUnits(units) shows every unit, in Danish order, when there are no more than the limit', () => {
    expect(largestUnits(['Østerbro', 'Amager', 'Valby'], () => 1)).toEqual({ shown: ['Amager', 'Valby', 'Østerbro'], rest: [] });
  });

  it('largestUnits(units, weight, { limit }) shows the largest, ties in Danish order, and the rest apart', () => {
    const w: Record<string, number> = { A: 1, B: 5, C: 3, D: 3 };
    expect(largestUnits(['A', 'B', 'C', 'D'], (u) => w[u]!, { limit: 2 })).toEqual({ shown: ['B', 'C'], rest: ['A', 'D'] });
  });

  it('a unit asked for by name is shown besides the largest; a name not among the units is ignored', () => {
    const w: Record<string, number> = { A: 1, B: 5, C: 3 };
    expect(largestUnits(['A', 'B', 'C'], (u) => w[u]!, { limit: 1, keep: ['A', 'Z'] })).toEqual({ shown: ['A', 'B'], rest: ['C'] });
  });

  it('shown and rest split the units, no shown unit is smaller than a unit of the rest, and shown + rest sums to the total', () => {
    fc.assert(
      fc.property(weighted, fc.integer({ min: 1, max: 20 }), (counts, limit) => {
        const units = Object.keys(counts);
        const scope = largestUnits(units, (u) => counts[u]!, { limit });
        expect([...scope.shown, ...scope.rest].sort()).toEqual([...units].sort());
        expect(scope.shown.length).toBe(Math.min(limit, units.length));
        const smallestShown = Math.min(...scope.shown.map((u) => counts[u]!));
        for (const u of scope.rest) expect(counts[u]!).toBeLessThanOrEqual(smallestShown);
        const folded = foldUnits(counts, scope, '\u0000rest');
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        expect(Object.values(folded).reduce((a, b) => a + b, 0)).toBe(total);
        expect(Object.keys(folded).length).toBe(scope.shown.length + (scope.rest.length > 0 ? 1 : 0));
      }),
    );
  });
});

describe('addShapes', () => {
  it('addShapes(a, b) adds numbers, arrays element by element and objects key by key, and keeps a date', () => {
    expect(addShapes({ date: '2025-01-01', n: 1, xs: [1, 2], o: { k: 2 } }, { date: '2025-01-01', n: 2, xs: [3, 4], o: { k: 5 } })).toEqual({
      date: '2025-01-01', n: 3, xs: [4, 6], o: { k: 7 },
    });
  });
});

describe('the figures of an export of many units', () => {
  const figures = figuresOf(mixedUp(400, 800), { asOf: '2026-10-31' });
  const scope = unitScopeOf(figures);

  it('draws UNIT_LIMIT units, the largest by follow-ups', () => {
    expect(figures.analysis.units).toHaveLength(400);
    expect(scope.shown).toHaveLength(UNIT_LIMIT);
    const size = (u: string) => followUpsOf(figures.analysis.status[u]);
    expect(Math.min(...scope.shown.map(size))).toBeGreaterThanOrEqual(Math.max(...scope.rest.map(size)));
  });

  it('summedFigures counts the rest as one unit: each status, month and registration adds up to the whole', () => {
    const summed = summedFigures(figures, scope, 'Other 384 units');
    const a = summed.analysis;
    expect(a.units).toEqual([...scope.shown, 'Other 384 units']);
    for (const s of STATUSES) {
      const whole = figures.analysis.units.reduce((n, u) => n + figures.analysis.status[u]![s], 0);
      expect(a.units.reduce((n, u) => n + a.status[u]![s], 0)).toBe(whole);
    }
    const dueWhole = figures.analysis.units.reduce((n, u) => n + figures.analysis.dueByUnitMonth[u]!.reduce((x, y) => x + y, 0), 0);
    expect(a.units.reduce((n, u) => n + a.dueByUnitMonth[u]!.reduce((x, y) => x + y, 0), 0)).toBe(dueWhole);
    expect(summed.obligations).toHaveLength(figures.obligations.length);
    expect(new Set(summed.obligations.map((o) => o.unit))).toEqual(new Set(a.units));
    expect(summed.registrations.rows.filter((r) => r.unit === 'Other 384 units').length).toBe(
      figures.registrations.rows.filter((r) => scope.rest.includes(r.unit)).length,
    );
  });

  it('a list of follow-ups still says which unit each one is of, under the summed row too', () => {
    const summed = summedFigures(figures, scope, 'Other 384 units');
    const overdue = overdueRows(summed.obligations, summed.analysis.asOf, { unit: 'Other 384 units' });
    expect(overdue.length).toBe(overdueRows(figures.obligations, figures.analysis.asOf).filter((r) => scope.rest.includes(r.unit)).length);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => scope.rest.includes(r.unit))).toBe(true);
    const cases = technicalCases(summed.registrations.rows, { unit: 'Other 384 units' });
    expect(cases.flatMap((c) => c.units).every((u) => scope.rest.includes(u))).toBe(true);
  });

  it('shownFigures keeps the shown units only, every figure of theirs as it was', () => {
    const shown = shownFigures(figures, scope);
    expect(shown.analysis.units).toEqual(scope.shown);
    expect(new Set(shown.obligations.map((o) => o.unit))).toEqual(new Set(scope.shown));
    for (const u of scope.shown) expect(shown.analysis.status[u]).toEqual(figures.analysis.status[u]);
    expect(shown.cases.every((c) => scope.shown.includes(c.unit))).toBe(true);
    expect(shown.prepared.units.map((u) => u.unit).sort()).toEqual([...scope.shown].sort());
    expect(simulate(shown.prepared, { lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null }).units.map((u) => u.unit).sort()).toEqual([...scope.shown].sort());
  });

  it('an export of 14,000 units is scoped in under five seconds', () => {
    const big = figuresOf(mixedUp(14_000, 15_000), { asOf: '2026-10-31' });
    const start = performance.now();
    const s = unitScopeOf(big);
    summedFigures(big, s, 'Other');
    shownFigures(big, s);
    expect(big.analysis.units).toHaveLength(14_000);
    expect(performance.now() - start).toBeLessThan(5_000);
  }, 60_000);
});

describe('columnWarnings', () => {
  const record = (caseId: string, unit: string, caseworker: string): EventRecord => ({
    line: 2, index: 0, caseId, measureId: 'M1', unit, caseworker, measureType: '', event: 'measure_start', date: '2025-01-01', nextDue: null,
  });
  const header = ['sagsnr', 'foranstaltning', 'enhed', 'hændelse', 'dato', 'sagsbehandler'];
  const columns = { case_id: 0, measure_id: 1, unit: 2, event: 3, date: 4, caseworker: 5 };

  it('warns about the unit column, by its header name, when it has more units than a tenth of the cases', () => {
    const records = Array.from({ length: 300 }, (_, i) => record(`C${i}`, `U${i % 31}`, `W${i % 5}`));
    expect(columnWarnings(eventRows(records), header, columns)).toEqual([{ code: 'mixed-up-column', field: 'unit', column: 'enhed', values: 31, cases: 300 }]);
  });

  it('warns about the caseworker column when it has more caseworkers than half the cases', () => {
    const records = Array.from({ length: 100 }, (_, i) => record(`C${i}`, 'Valby', `W${i % 51}`));
    expect(columnWarnings(eventRows(records), header, columns)).toEqual([{ code: 'mixed-up-column', field: 'caseworker', column: 'sagsbehandler', values: 51, cases: 100 }]);
  });

  it('says nothing of an ordinary export, nor of a small file whose few units outnumber a tenth of its cases', () => {
    const records = Array.from({ length: 300 }, (_, i) => record(`C${i}`, `U${i % 30}`, `W${i % 8}`));
    expect(columnWarnings(eventRows(records), header, columns)).toEqual([]);
    expect(columnWarnings(eventRows([record('C1', 'A', 'X'), record('C2', 'B', 'Y')]), header, columns)).toEqual([]);
  });

  it('the import report of a mixed-up export carries the warning', () => {
    expect(figuresOf(mixedUp(400, 800)).report.warnings).toEqual([expect.objectContaining({ field: 'unit', column: 'unit', values: 400 })]);
  });
});
