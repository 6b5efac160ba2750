import { describe, expect, it } from 'vitest';
import { readExport } from '../../src/domain/import/read.ts';
import { MissingColumnsError } from '../../src/domain/import/problems.ts';
import { importReport } from '../../src/domain/import/report.ts';
import { validate } from '../../src/domain/validate.ts';
import { rejectionText } from '../../src/domain/reasons.ts';

/*
 * The reader keeps no row: each is checked as it is read and only what it
 * contributes is kept (issue 17). What needs the whole file first (the
 * date order, a column of CPR numbers, samples for choosing columns) must
 * come out as if every row had been kept.
 */

const HEAD = 'case_id,measure_id,unit,event,date,caseworker,next_due';

describe('reading an export row by row', () => {
  it('a read field whose column turns out to hold CPR numbers is left out of every row, the first rows included', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `C${i},M1,Amager,start,2025-01-${String((i % 28) + 1).padStart(2, '0')},${String(i % 28 + 1).padStart(2, '0')}0190-12${String(i).padStart(2, '0')},`);
    const r = readExport(`${HEAD}\n${rows.join('\n')}\n`);
    expect(r.cprColumns).toEqual(['caseworker']);
    expect(r.columns.caseworker).toBeUndefined();
    expect(r.records).toHaveLength(30);
    expect(new Set(r.records.map((x) => x.caseworker))).toEqual(new Set(['']));
    expect(JSON.stringify(r.records)).not.toMatch(/0190/);
    expect(r.visibleHeader).not.toContain('caseworker');
  });

  it('a file without its columns is refused with samples from its first rows, read no further than needed', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `S${i % 2};F${i};Øst;start;2025-01-02`);
    let error: unknown;
    try {
      readExport(`Sag;Tiltag;Team;Hvad;Hvornår\n${rows.join('\n')}\n"unclosed\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingColumnsError);
    const e = error as MissingColumnsError;
    expect(e.samples).toEqual([['S0', 'S1'], ['F0', 'F1', 'F2'], ['Øst'], ['start'], ['2025-01-02']]);
  });

  it('a rejected row is shown as written, split again from the text: quoted delimiters and line breaks, and after a broken quote', () => {
    const text = [
      HEAD,
      'C1,M1,"Amager, Syd",start,2025-01-01,"AB\nCD",',
      'C1,M1,"Amager, Syd",start,2025-01-02,,',
      'C2,M2,Øst,start,"2025-01-01,,',
      'C3,M3,Vest,"sta""rt",2025-01-03,,',
      'C4,M4,Vest,start,31-02-2025,,',
    ].join('\r\n');
    const r = readExport(text);
    expect(r.rejections.map((x) => [x.line, rejectionText(x.reason)])).toEqual([
      [5, expect.stringContaining('never closed')],
      [6, expect.stringContaining('is not a known event')],
      [7, expect.stringContaining('31-02-2025')],
    ]);
    expect(r.rawFields(2)).toEqual(['C1', 'M1', 'Amager, Syd', 'start', '2025-01-01', 'AB\nCD', '']);
    expect(r.rawFields(6)).toEqual(['C3', 'M3', 'Vest', 'sta"rt', '2025-01-03', '', '']);
    expect(r.rawFields(7)).toEqual(['C4', 'M4', 'Vest', 'start', '31-02-2025', '', '']);
    expect(r.rawFields(5)).toBeNull();
    expect(r.rawFields(3)).toBeNull(); // inside row 2's quoted line break: no row starts there
    const checked = validate(r.rows, '2025-06-30');
    const report = importReport(r, [...checked.rejections]);
    expect(report.rejections.find((x) => x.line === 4)?.raw).toEqual(['C1', 'M1', 'Amager, Syd', 'start', '2025-01-02', '', '']);
  });

  it('the default as-of counts the dates of rows rejected for another reason, but no next due date', () => {
    const r = readExport(`${HEAD}\nC1,M1,Amager,start,2025-01-01,,2025-12-01\nC2,,Amager,start,2025-03-01,,\n`);
    expect(r.latestDate).toBe('2025-03-01');
  });

  it('detects the date order by how often each reading comes, as if every value were counted', () => {
    const rows = ['C1,M1,A,start,13/02/2025,,', 'C2,M2,A,start,02/14/2025,,', 'C3,M3,A,start,02/15/2025,,', 'C4,M4,A,start,02/15/2025,,'];
    const r = readExport(`${HEAD}\n${rows.join('\n')}\n`, { dateOrder: 'detect' });
    expect(r.dateOrder).toBe('mdy');
    expect(r.records.map((x) => x.date)).toEqual(['2025-02-14', '2025-02-15', '2025-02-15']);
    expect(r.rejections.map((x) => x.line)).toEqual([2]);
  });

  it('numbers masked ids by the rows kept: a row rejected for its date takes no number', () => {
    const r = readExport(`${HEAD}\nBarn 0101901234,M1,A,start,x,,\nBarn 0202901234,M1,A,start,2025-01-01,,\nBarn 0101901234,M1,A,start,2025-01-02,,\n`);
    expect(r.records.map((x) => x.caseId)).toEqual(['Barn ••••••-•••• #1', 'Barn ••••••-•••• #2']);
    expect(r.rows.caseIds).toHaveLength(2);
  });
});

describe('reading an export row by row, where it could go wrong', () => {
  it('a required column of CPR numbers refuses the file even when an optional one comes first', () => {
    const text = 'caseworker,case_id,measure_id,unit,event,date\n010190-1234,010190-1111,M1,A,start,01-02-2025\n';
    expect(() => readExport(text)).toThrow(expect.objectContaining({ refusal: { code: 'cpr-column', column: 'case_id' } }));
  });

  it('byte order marks: any number in front are taken off, one in front of a row in the middle is the row’s (and trimmed off its value, like a space)', () => {
    const twice = readExport('\ufeff\ufeffcase_id,measure_id,unit,event,date\nC1,M1,A,start,x\n');
    expect(twice.header[0]).toBe('case_id');
    expect(twice.rawFields(2)).toEqual(['C1', 'M1', 'A', 'start', 'x']);
    const inside = readExport('case_id,measure_id,unit,event,date\nC1,M1,A,start,x\n\ufeff"C,2",M2,A,start,x\n');
    expect(inside.rawFields(3)).toEqual(['"C', '2"', 'M2', 'A', 'start', 'x']);
    const afterBroken = readExport('case_id,measure_id,unit,event,date\nC1,M1,A,"start,x\n\ufeff"C,2",M2,A,start,x\n');
    expect(afterBroken.rawFields(3)).toEqual(['"C', '2"', 'M2', 'A', 'start', 'x']);
  });

  it('a second pass without a CPR column never takes the progress back', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `C${i},M1,Amager,start,2025-01-01,${String(i % 28 + 1).padStart(2, '0')}0190-12${String(i % 100).padStart(2, '0')},`);
    const seen: number[] = [];
    const r = readExport(`${HEAD}\n${rows.join('\n')}\n`, { onProgress: (f) => seen.push(f) });
    expect(r.cprColumns).toEqual(['caseworker']);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});
