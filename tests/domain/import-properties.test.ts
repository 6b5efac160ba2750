import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeExport, figuresOf, UnreadableExportError } from '../../src/domain/analyze.ts';
import { tableFromSheet } from '../../src/domain/import/sheet.ts';
import { readExport } from '../../src/domain/import/read.ts';

/*
 * The spreadsheet path and the app's options under random input: the
 * reader refuses or reads, never throws anything else, and every row is
 * accounted for, in the report too.
 */

const cell = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('C1', 'C2', 'M1', 'Amager', 'Østerbro', 'start', 'opfølgning', 'ophør', 'follow_up', '010190-1234', '=1+1', '<b>x</b>'),
  fc.integer({ min: -5, max: 50_000 }),
  fc.boolean(),
  fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 0, 1) }).map((t) => new Date(t)),
  fc.constantFrom('01-02-2025', '13.02.2025', '02/13/2025', '2025-02-30', ''),
);

const header = fc.constantFrom(
  ['case_id', 'measure_id', 'unit', 'event', 'date'],
  ['sagsnr', 'foranstaltning', 'enhed', 'hændelse', 'dato', 'næste_frist', 'cpr'],
  ['a', 'b', 'c'],
  [],
);

const sheet = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 })).map(([h, rows]) => [h, ...rows]);

describe('the spreadsheet path under random input', () => {
  it('refuses or reads a random sheet, and accepted + rejected = total', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom('dmy', 'mdy', 'detect') as fc.Arbitrary<'dmy' | 'mdy' | 'detect'>, (data, dateOrder) => {
        try {
          const { analysis, report } = figuresOf(tableFromSheet(data), { dateOrder });
          expect(analysis.rows.accepted + analysis.rows.rejected).toBe(analysis.rows.total);
          expect(report.rejections).toHaveLength(analysis.rows.rejected);
          expect(JSON.stringify(report)).not.toContain('010190-1234');
        } catch (e) {
          if (!(e instanceof UnreadableExportError) && !(e as Error).message.startsWith('The sheet is empty')) throw e;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a sheet and the same cells as CSV text give the same counts', () => {
    const text = fc.array(
      fc.tuple(
        fc.constantFrom('C1', 'C2', ''),
        fc.constantFrom('M1', 'M2'),
        fc.constantFrom('Amager', 'Valby'),
        fc.constantFrom('start', 'follow_up', 'measure_end', 'bogus'),
        fc.constantFrom('2025-01-02', '2025-03-04', '2025-08-01', 'x'),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(text, (rows) => {
        const h = ['case_id', 'measure_id', 'unit', 'event', 'date'];
        const csv = [h, ...rows].map((r) => r.join(',')).join('\n');
        const fromCsv = analyzeExport(csv);
        const fromSheet = analyzeExport(tableFromSheet([h, ...rows]));
        expect(fromSheet.rows).toEqual(fromCsv.rows);
        expect(fromSheet.rejections).toEqual(fromCsv.rejections);
        expect(fromSheet.status).toEqual(fromCsv.status);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stray quotes and mixed line breaks', () => {
  it('keeps one row per line however quotes are broken and lines end, and numbers each by its line', () => {
    const field = fc.oneof(
      fc.constantFrom('C1', 'M1', 'Amager', 'start', '2025-01-02', ''),
      fc.constantFrom('"Valby, Syd"', '""', '"start"'),
      fc.constantFrom('"stray', '"M1', 'x"y'),
    );
    const line = fc.array(field, { minLength: 1, maxLength: 6 }).map((fields) => ['C1', ...fields].join(','));
    const lines = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 });
    fc.assert(
      fc.property(lines, (rows) => {
        const text = 'case_id,measure_id,unit,event,date\r\n' + rows.map(([l, br]) => l + br).join('');
        const r = readExport(text);
        expect(r.total).toBe(rows.length);
        const numbered = [...r.records.map((x) => x.line), ...r.rejections.map((x) => x.line)].sort((a, b) => a - b);
        expect(numbered).toEqual(rows.map((_, i) => i + 2));
      }),
      { numRuns: 500 },
    );
  });
});
