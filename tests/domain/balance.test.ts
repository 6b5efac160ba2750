import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { caseHolders, checkCaseWeight, checkWeeksAhead, weighCases } from '../../src/domain/balance/cases.ts';
import { fteLookup, fteProblemText, readDecimal, readFteFile } from '../../src/domain/balance/fte.ts';
import { caseloadRows, imbalance, isOverloaded, lowerBound, tidy, unitLoads, unitToBalance } from '../../src/domain/balance/loads.ts';
import { stepOf } from '../../src/domain/balance/solve.ts';

const AS_OF = '2025-06-30'; // a Monday: w0 starts that day, w13 on 2025-09-29

/** An export with a measure type: case, measure, unit, caseworker, type, event, date. */
function exportOf(...rows: string[][]): string {
  return ['case_id,measure_id,unit,caseworker,measure_type,event,date', ...rows.map((r) => r.join(','))].join('\n');
}

const EXPORT = exportOf(
  ['C1', 'M1', 'Amager', 'AB', 'forebyggende', 'measure_start', '2025-04-15'], // due 2025-07-15, week 2
  ['C2', 'M1', 'Amager', 'AB', 'forebyggende', 'measure_start', '2025-01-10'], // due 2025-04-10: overdue
  ['C3', 'M1', 'Amager', 'CD', 'forebyggende', 'measure_start', '2025-06-29'], // due 2025-09-29: week 13
  ['C4', 'M1', 'Amager', 'CD', 'forebyggende', 'measure_start', '2025-06-28'], // due 2025-09-28: week 12
  ['C5', 'M1', 'Amager', 'CD', 'forebyggende', 'measure_start', '2025-01-01'],
  ['C5', 'M1', 'Amager', 'CD', 'forebyggende', 'measure_end', '2025-03-01'], // ended: no case
  ['C6', 'M1', 'Amager', 'AB', 'anbringelse', 'measure_start', '2025-01-02'],
  ['C6', 'M1', 'Valby', 'CD', 'anbringelse', 'follow_up', '2025-04-01'], // transferred; next due 2025-10-01, week 13
  ['C7', 'M1', 'Amager', 'AB', 'forebyggende', 'measure_start', '2025-03-01'], // due 2025-06-01: overdue
  ['C7', 'M2', 'Amager', 'EF', 'anbringelse', 'measure_start', '2025-05-01'], // due 2025-08-01, week 4
  ['C7', 'M3', 'Amager', 'GH', 'forebyggende', 'measure_start', '2025-05-01'],
  ['C7', 'M3', 'Amager', 'GH', 'forebyggende', 'measure_end', '2025-06-01'], // ended, though later: not the holder
  ['C8', 'M1', 'Valby', 'AB', 'forebyggende', 'measure_start', '2025-05-01'],
  ['C8', 'M2', 'Valby', 'XY', 'forebyggende', 'measure_start', '2025-05-01'], // same date, later in the file
  ['C9', 'M1', 'Valby', '', 'forebyggende', 'measure_start', '2025-06-01'],
);

const derived = () => deriveExport(EXPORT, { asOf: AS_OF });

describe('the cases of balancing (SPEC §10)', () => {
  it('a case is held by the latest accepted row of its running measures, the later in the file on equal dates', () => {
    const holders = new Map(caseHolders(derived().measures).map((h) => [h.caseId, h]));
    expect([...holders.keys()].sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'C6', 'C7', 'C8', 'C9']);
    expect(holders.get('C6')).toMatchObject({ unit: 'Valby', caseworker: 'CD' });
    expect(holders.get('C7')).toMatchObject({ unit: 'Amager', caseworker: 'EF', measureTypes: ['anbringelse', 'forebyggende'] });
    expect(holders.get('C8')).toMatchObject({ unit: 'Valby', caseworker: 'XY' });
    expect(holders.get('C9')).toMatchObject({ unit: 'Valby', caseworker: '' });
  });

  it('cases come by unit in Danish order, then by case id', () => {
    const order = caseHolders(derived().measures).map((h) => `${h.unit} ${h.caseId}`);
    expect(order).toEqual(['Amager C1', 'Amager C2', 'Amager C3', 'Amager C4', 'Amager C7', 'Valby C6', 'Valby C8', 'Valby C9']);
  });

  it('a case weighs the case weight plus its overdue follow-ups and those due in a week before w(H)', () => {
    const d = derived();
    const weight = (weeks: number, caseWeight = 1) =>
      Object.fromEntries(weighCases(caseHolders(d.measures), d.obligations, AS_OF, { weeks, caseWeight }).map((c) => [c.caseId, c.weight]));
    expect(weight(13)).toEqual({ C1: 2, C2: 2, C3: 1, C4: 2, C7: 3, C6: 1, C8: 3, C9: 2 });
    // Week 13 counts from H = 14 on; with H = 0 only the overdue ones do.
    expect(weight(14)).toMatchObject({ C3: 2, C6: 2 });
    expect(weight(0)).toEqual({ C1: 1, C2: 2, C3: 1, C4: 1, C7: 2, C6: 1, C8: 1, C9: 1 });
    expect(weight(13, 0)).toMatchObject({ C3: 0, C7: 2 });
    expect(weight(13, 2.5)).toMatchObject({ C3: 2.5, C7: 4.5 });
  });

  it('weeks ahead and the case weight are checked', () => {
    expect(checkWeeksAhead(26)).toBe(26);
    expect(() => checkWeeksAhead(27)).toThrow(/invalid weeks ahead: 27/);
    expect(() => checkWeeksAhead(1.5)).toThrow(/whole number/);
    expect(checkCaseWeight(0)).toBe(0);
    expect(() => checkCaseWeight(-1)).toThrow(/invalid case weight/);
    expect(() => checkCaseWeight(Number.NaN)).toThrow(/invalid case weight/);
  });
});

describe('loads and the bound (SPEC §10)', () => {
  const cases = () => {
    const d = derived();
    return weighCases(caseHolders(d.measures), d.obligations, AS_OF);
  };

  it('a caseworker’s load is the weight of the cases they hold, shown heaviest per FTE first', () => {
    const [amager] = unitLoads(cases(), [], ['Amager']);
    expect(amager!.caseworkers).toEqual([
      { id: 'AB', fte: 1, cases: 2, load: 4, perFte: 4 },
      { id: 'CD', fte: 1, cases: 2, load: 3, perFte: 3 },
      { id: 'EF', fte: 1, cases: 1, load: 3, perFte: 3 },
    ]);
    expect(amager).toMatchObject({ unit: 'Amager', unheld: 0, total: 10, imbalance: 4 });
    expect(amager!.lowerBound).toBeCloseTo(10 / 3, 8);
    expect(amager!.mean).toBeCloseTo(10 / 3, 8);
  });

  it('FTE comes from the entry for the unit, else the one with no unit, else 1; a named newcomer holds nothing', () => {
    const entries = [
      { caseworker: 'AB', unit: null, fte: 0.5 },
      { caseworker: 'AB', unit: 'Valby', fte: 2 },
      { caseworker: 'NY', unit: 'Amager', fte: 0.8 },
      { caseworker: 'ZZ', unit: 'Nowhere', fte: 1 },
    ];
    const [amager, valby] = unitLoads(cases(), entries, ['Amager', 'Valby']);
    expect(amager!.caseworkers.map((w) => [w.id, w.fte, w.load, w.perFte])).toEqual([
      ['AB', 0.5, 4, 8],
      ['CD', 1, 3, 3],
      ['EF', 1, 3, 3],
      ['NY', 0.8, 0, 0],
    ]);
    expect(amager!.imbalance).toBe(8);
    // All weights over all FTE: 10 / 3.3.
    expect(amager!.lowerBound).toBeCloseTo(10 / 3.3, 8);
    expect(valby!.caseworkers.map((w) => [w.id, w.fte, w.load])).toEqual([['XY', 1, 3], ['CD', 1, 1], ['AB', 2, 0]]);
    expect(valby).toMatchObject({ unheld: 1, total: 6 });
    // Held by nobody: in the bound (6 / 4 and 3 / 2), in no one's load, so not in the mean (4 / 4).
    expect(valby).toMatchObject({ lowerBound: 1.5, mean: 1, imbalance: 3 });
  });

  it('the bound is the larger of all weights over all FTE and the heaviest case over the largest FTE', () => {
    expect(lowerBound([3, 1, 1], [1, 1])).toBe(3);
    expect(lowerBound([2, 2, 2], [1, 1])).toBe(3);
    expect(lowerBound([4, 1], [0.5, 2])).toBe(2);
    expect(lowerBound([1], [])).toBeNull();
    expect(lowerBound([], [1])).toBe(0);
  });

  it('the imbalance is the largest load per FTE; an overloaded caseworker is above the mean by more than the threshold', () => {
    expect(imbalance([4, 3], [1, 0.5])).toBe(6);
    expect(imbalance([], [])).toBe(0);
    expect(isOverloaded({ perFte: 12.5 }, { mean: 10 }, 0.2)).toBe(true);
    expect(isOverloaded({ perFte: 12 }, { mean: 10 }, 0.2)).toBe(false);
    expect(isOverloaded({ perFte: 10.01 }, { mean: 10 }, 0)).toBe(true);
  });

  it('sums of decimals are tidied, and loads are whole steps of the weights', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(stepOf([1, 2, 5])).toBe(1);
    expect(stepOf([1.5, 2.5, 3])).toBe(0.5);
    expect(stepOf([0.25, 1.25])).toBe(0.25);
    expect(stepOf([0, 0])).toBeNull();
    expect(stepOf([Math.PI])).toBeNull();
  });
});

describe('the FTE file (SPEC §10)', () => {
  it('reads caseworker;fte;unit with a decimal comma, and commas with a quoted decimal comma', () => {
    expect(readFteFile('caseworker;fte;unit\r\nAB;0,8;Amager\r\nCD;1.5;\r\n').entries).toEqual([
      { caseworker: 'AB', unit: 'Amager', fte: 0.8 },
      { caseworker: 'CD', unit: null, fte: 1.5 },
    ]);
    expect(readFteFile('caseworker,fte\nAB,"0,5"\nCD,2\n')).toEqual({
      entries: [
        { caseworker: 'AB', unit: null, fte: 0.5 },
        { caseworker: 'CD', unit: null, fte: 2 },
      ],
      problems: [],
    });
  });

  it('reads Danish headers, a byte-order mark and Windows-1252 text', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Sagsbehandler;FTE;Enhed\nAB;0,5;'), 0x42, 0xf8, 0x72, 0x73, 0x65, 0x6e]);
    expect(readFteFile(bytes).entries).toEqual([{ caseworker: 'AB', unit: 'Børsen', fte: 0.5 }]);
    expect(readFteFile('Sagsbehandler;Årsværk;Enhed\nAB;0,5;Valby').entries).toEqual([{ caseworker: 'AB', unit: 'Valby', fte: 0.5 }]);
    expect(readFteFile('\ufeffsagsbehandler;fte\nAB;1').entries).toEqual([{ caseworker: 'AB', unit: null, fte: 1 }]);
  });

  it('names the line of each bad row: no caseworker, not a number, not above 0 and at most 2, named twice', () => {
    const { entries, problems } = readFteFile('caseworker;fte;unit\nAB;0;Amager\n;1;Amager\nCD;fuld;Amager\nEF;2,5;Amager\nGH;1;Amager\nGH;0,5;Amager\nGH;0,5;Valby\n');
    expect(entries.map((e) => e.caseworker + '@' + e.unit)).toEqual(['GH@Amager', 'GH@Valby']);
    expect(problems).toEqual([
      { code: 'out-of-range', line: 2, value: '0' },
      { code: 'no-caseworker', line: 3 },
      { code: 'not-a-number', line: 4, value: 'fuld' },
      { code: 'out-of-range', line: 5, value: '2,5' },
      { code: 'repeated', line: 7, first: 6 },
    ]);
    expect(problems.map(fteProblemText)).toEqual([
      'line 2: FTE 0 is not above 0 and at most 2',
      'line 3: no caseworker',
      'line 4: FTE "fuld" is not a number (write e.g. 0,8 or 0.8)',
      'line 5: FTE 2,5 is not above 0 and at most 2',
      'line 7: this caseworker already has an FTE on line 6',
    ]);
  });

  it('refuses a file without a caseworker or an FTE column', () => {
    expect(readFteFile('name;fte\nAB;1').problems).toEqual([{ code: 'no-column', column: 'caseworker' }]);
    expect(readFteFile('caseworker;hours\nAB;37').problems).toEqual([{ code: 'no-column', column: 'fte' }]);
    expect(readFteFile('').problems).toEqual([{ code: 'not-a-table' }]);
  });

  it('a CPR number in the file is never kept', () => {
    expect(readFteFile('caseworker;fte\n010190-1234;1').entries[0]!.caseworker).not.toContain('1234');
  });

  it('reads a decimal either way and nothing else', () => {
    expect(readDecimal('6,5')).toBe(6.5);
    expect(readDecimal(' 6.5 ')).toBe(6.5);
    expect(readDecimal(',5')).toBe(0.5);
    expect(readDecimal('2')).toBe(2);
    for (const bad of ['', '1.000,5', '1,2,3', '-1', 'x', '1e3']) expect(readDecimal(bad)).toBeNull();
  });

  it('looks an FTE up for the unit first', () => {
    const fte = fteLookup([
      { caseworker: 'AB', unit: null, fte: 0.5 },
      { caseworker: 'AB', unit: 'Valby', fte: 0.8 },
    ]);
    expect([fte('AB', 'Valby'), fte('AB', 'Amager'), fte('CD', 'Valby')]).toEqual([0.8, 0.5, 1]);
  });
});

describe('the caseloads of every unit', () => {
  it('lists every caseworker heaviest per FTE first, marked overloaded above the unit’s mean by more than the threshold', () => {
    const d = derived();
    const units = unitLoads(weighCases(caseHolders(d.measures), d.obligations, AS_OF), [], ['Amager', 'Valby']);
    const rows = caseloadRows(units, 0.15);
    // Ties by unit, then caseworker.
    expect(rows.map((r) => `${r.unit} ${r.id} ${r.perFte}`)).toEqual(['Amager AB 4', 'Amager CD 3', 'Amager EF 3', 'Valby XY 3', 'Valby CD 1']);
    expect(rows[0]).toMatchObject({ overloaded: true });
    expect(rows[0]!.mean).toBeCloseTo(10 / 3, 8);
    expect(rows[0]!.aboveMean).toBeCloseTo(0.2, 8);
    expect(rows[3]).toMatchObject({ unit: 'Valby', mean: 2, aboveMean: 0.5, overloaded: true });
    expect(rows.filter((r) => r.overloaded).map((r) => r.id)).toEqual(['AB', 'XY']);
    expect(caseloadRows(units, 0.25).filter((r) => r.overloaded).map((r) => r.id)).toEqual(['XY']);
  });

  it('opens on the unit with the most to gain: its imbalance furthest above its bound', () => {
    const d = derived();
    const units = unitLoads(weighCases(caseHolders(d.measures), d.obligations, AS_OF), [], ['Amager', 'Valby']);
    // Amager 4 against 10 / 3; Valby 3 against its bound of 3.
    expect(unitToBalance(units)).toBe('Amager');
    expect(unitToBalance(units.filter((u) => u.unit === 'Valby'))).toBe('Valby');
    expect(unitToBalance([])).toBeNull();
  });
});
