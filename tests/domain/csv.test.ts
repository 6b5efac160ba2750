import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { formulaSafeCsv } from '../../src/domain/export/csv.ts';

describe('formulaSafeCsv', () => {
  it('neutralises spreadsheet formulas in every cell', () => {
    const csv = formulaSafeCsv(['unit', 'caseworker'], [['=HYPERLINK("x")', '+1'], ['@SUM(A1)', '-2'], ['Nørrebro', 'ÆØ']], { bom: false });
    const back = Papa.parse<string[]>(csv).data;
    expect(back).toEqual([['unit', 'caseworker'], ["'=HYPERLINK(\"x\")", "'+1"], ["'@SUM(A1)", "'-2"], ['Nørrebro', 'ÆØ']]);
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
