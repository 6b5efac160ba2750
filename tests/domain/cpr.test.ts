import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveExport, UnreadableExportError } from '../../src/domain/analyze.ts';
import { registrationRows } from '../../src/domain/aggregate/registrations.ts';
import { overdueRows } from '../../src/domain/aggregate/overdue.ts';
import { auditPeriod, auditSettings, checklistCells, drawAudit } from '../../src/domain/audit/index.ts';
import { boardCards, boards } from '../../src/domain/board/board.ts';
import { formulaSafeCsv } from '../../src/domain/export/csv.ts';
import { holdsCpr, isCpr, maskCpr, maskIds } from '../../src/domain/import/cpr.ts';
import { readExport } from '../../src/domain/import/read.ts';
import { importReport, rejectionsCsv } from '../../src/domain/import/report.ts';
import { planCells, planRows, prepareLevelling, simulate } from '../../src/domain/levelling/index.ts';

/*
 * A CPR number must not come out of any id, whatever its spelling and
 * wherever it sits in the id, and masking must not make two cases one.
 */

/** Any six digits and four that no digit touches, with or without a gap of the kinds a CPR number is written with. */
const CPR_LIKE = /(?<!\d)\d{6}[\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d\s]?\d{4}(?!\d)/;
const GAPS = ['', '-', ' ', '\u2013', '\u2011', '\u00a0', '\u2212', '\u2010'];

describe('CPR numbers in every spelling', () => {
  it('are known and masked written with a space, an en dash, a non-breaking hyphen or a no-break space', () => {
    for (const gap of GAPS) {
      const cpr = `010190${gap}1234`;
      expect(isCpr(cpr)).toBe(true);
      expect(holdsCpr(`Barn ${cpr}`)).toBe(gap !== '');
      expect(maskCpr(`Barn ${cpr} x`)).toBe('Barn ••••••-•••• x');
    }
    expect(isCpr('010190  1234')).toBe(false);
    expect(maskCpr('20250101901234')).toBe('20250101901234');
  });
});

describe('maskIds', () => {
  it('numbers each distinct masked id by first appearance and leaves every other id as written', () => {
    const id = maskIds();
    expect(['Barn 0101901234', '0101901234-1', 'C0101901234', 'C0202901234', 'C0101901234', 'C7', 'C•'].map(id)).toEqual([
      'Barn ••••••-•••• #1',
      '••••••-••••-1 #1',
      'C••••••-•••• #1',
      'C••••••-•••• #2',
      'C••••••-•••• #1',
      'C7',
      'C• #1',
    ]);
  });

  it('never gives two ids one name, not even to an id written like a numbered one', () => {
    const id = maskIds();
    expect(new Set(['C0101901234', 'C••••••-•••• #1', 'C••••••-••••'].map(id)).size).toBe(3);
  });
});

/** A measure started and followed up late, so it is overdue, planned, on the board and in the audit. */
const rows = (caseId: string, i: number, worker = 'AB') => [
  `${caseId},M${i % 3},Valby,start,2025-01-0${1 + (i % 9)},${worker}`,
  `${caseId},M${i % 3},Valby,follow_up,2025-04-2${i % 9},${worker}`,
];

/** Everything downstream of an id: the figures, every list, every CSV. */
function everyOutput(text: string): { out: string; cases: Set<string> } {
  const d = deriveExport(text);
  const prepared = prepareLevelling(d.obligations, d.analysis.units, d.analysis.asOf);
  const sim = simulate(prepared, { lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null });
  const plan = planRows(sim, d.analysis.asOf);
  const board = boards(sim, d.analysis.asOf, { weeks: 12, capacity: null }).flatMap(boardCards);
  const regs = registrationRows(d.measures);
  const sample = drawAudit(regs, d.analysis.units, auditPeriod('2025-12-31'), auditSettings({ seed: 1 })).sample;
  const checklist = checklistCells(sample);
  const report = importReport(d.read, d.rejections);
  const out = [
    JSON.stringify({ analysis: d.analysis, measures: d.measures, obligations: d.obligations, board, regs }),
    formulaSafeCsv(['a'], planCells(plan)),
    formulaSafeCsv(checklist.header, checklist.rows),
    formulaSafeCsv(['a'], overdueRows(d.obligations, d.analysis.asOf).map((r) => [r.caseId, r.measureId])),
    rejectionsCsv(report, { line: 'l', check: 'c', reason: 'r' }),
  ].join('\n');
  return { out, cases: new Set(d.measures.map((m) => m.caseId)) };
}

describe('ids holding a CPR number', () => {
  it('keep their rows, masked everywhere, as many cases as the file has', () => {
    const ids = ['Barn 0101901234', '0101901234-1', 'C0101901234', 'C0202901234', 'Barn 0202901234'];
    const text = ['case_id,measure_id,unit,event,date,caseworker', ...ids.flatMap((id, i) => rows(id, i))].join('\n');
    const { out, cases } = everyOutput(text);
    expect(out).not.toMatch(CPR_LIKE);
    expect(cases).toEqual(new Set(['Barn ••••••-•••• #1', '••••••-••••-1 #1', 'C••••••-•••• #1', 'C••••••-•••• #2', 'Barn ••••••-•••• #2']));
    expect(deriveExport(text).analysis.rows).toEqual({ total: 10, accepted: 10, rejected: 0 });
  });

  it('written with a gap inside a longer id are rejected with the number not shown; in a caseworker, masked', () => {
    const text = ['case_id,measure_id,unit,event,date,caseworker', ...rows('Barn 010190\u20131234', 0), ...rows('C1', 1, 'AB 010190\u20111234')].join('\n');
    const { out } = everyOutput(text);
    expect(out).not.toMatch(CPR_LIKE);
    expect(deriveExport(text).analysis.rows).toEqual({ total: 4, accepted: 2, rejected: 2 });
  });

  it('no id anywhere downstream holds CPR-shaped digits, and no two ids merge, whatever the ids', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const cpr = fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), digits(2), fc.constantFrom(...GAPS), digits(4))
      .map(([d, m, y, gap, tail]) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${y}${gap}${tail}`);
    const part = fc.oneof(cpr, digits(10), fc.constantFrom('Barn ', 'C', '-1', ' #1', '•', 'x', '7', ''));
    const id = fc.array(part, { minLength: 1, maxLength: 3 }).map((p) => p.join('').trim()).filter((v) => v !== '' && !v.includes(','));
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 12 }), (ids) => {
        const text = ['case_id,measure_id,unit,event,date,caseworker', ...ids.flatMap((c, i) => rows(c, i))].join('\n');
        // A column of mostly CPR numbers refuses the file whole (decision 9).
        if (ids.filter(isCpr).length * 2 > ids.length) {
          expect(() => deriveExport(text)).toThrow(UnreadableExportError);
          return;
        }
        const { out, cases } = everyOutput(text);
        expect(out).not.toMatch(CPR_LIKE);
        const kept = ids.filter((c) => !holdsCpr(c));
        expect(cases.size).toBe(kept.length);
        // An id the file wrote without such digits is kept as written.
        for (const c of kept) if (!CPR_LIKE.test(c) && !c.includes('•')) expect(cases.has(c)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('are read the same from a spreadsheet', () => {
    const sheet = { header: ['case_id', 'measure_id', 'unit', 'event', 'date'], headerLine: 1, rows: [{ line: 2, fields: ['C0101901234', 'M1', 'A', 'start', '2025-01-01'] }] };
    expect(readExport(sheet).records[0]!.caseId).toBe('C••••••-•••• #1');
  });
});
