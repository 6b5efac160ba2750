import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/domain/import/decode.ts';
import { parseDate } from '../../src/domain/import/dates.ts';
import { parseEvent } from '../../src/domain/import/events.ts';
import { isCpr, maskCpr } from '../../src/domain/import/cpr.ts';
import { NotATableError, readExport } from '../../src/domain/import/read.ts';
import { analyzeExport, figuresOf } from '../../src/domain/analyze.ts';
import { rejectionsCsv } from '../../src/domain/import/report.ts';
import { type Rejection, rejectionText } from '../../src/domain/reasons.ts';

const win1252 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
/** Rejections with their reasons as the command line prints them. */
const inEnglish = (rejections: readonly Rejection[]) => rejections.map((r) => ({ ...r, reason: rejectionText(r.reason) }));

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8 and drops the byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Nørrebro')]);
    expect(decodeText(bytes)).toEqual({ text: 'Nørrebro', encoding: 'utf-8' });
  });
  it('reads bytes that are not UTF-8 as Windows-1252, keeping æ, ø and å', () => {
    expect(decodeText(win1252('Brønshøj æå Å'))).toEqual({ text: 'Brønshøj æå Å', encoding: 'windows-1252' });
  });
  it('reads UTF-16 with a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0, 0xf8, 0])).text).toBe('Aø');
  });
});

describe('parseDate', () => {
  it('reads the four formats of the spec', () => {
    expect(parseDate('2025-02-01')).toBe('2025-02-01');
    expect(parseDate('01-02-2025')).toBe('2025-02-01');
    expect(parseDate('01.02.2025')).toBe('2025-02-01');
    expect(parseDate('01/02/2025')).toBe('2025-02-01');
    expect(parseDate(' 1.2.2025 ')).toBe('2025-02-01');
    expect(parseDate('01-02-2025 00:00:00')).toBe('2025-02-01');
  });
  it('refuses what is not a calendar date', () => {
    for (const s of ['31-02-2025', '2025-13-01', '2025/02/01', '01-02-25', 'i går', '', '2025-02-01x', '01-02.2025']) {
      expect(parseDate(s), s).toBeNull();
    }
  });
  it('refuses years outside 1900–2199, so no date or due date computed from one leaves four-digit years', () => {
    for (const s of ['0000-01-01', '0001-01-01', '01-01-0000', '31.12.1899', '2200-01-01', '9999-12-31']) {
      expect(parseDate(s), s).toBeNull();
    }
    expect(parseDate('01-01-1900')).toBe('1900-01-01');
    expect(parseDate('2199-12-31')).toBe('2199-12-31');
  });
});

describe('parseEvent', () => {
  it('reads English and Danish names whatever their case and spacing', () => {
    expect(parseEvent('measure_start')).toBe('measure_start');
    expect(parseEvent(' Iværksat ')).toBe('measure_start');
    expect(parseEvent('START')).toBe('measure_start');
    expect(parseEvent('opfølgning')).toBe('follow_up');
    expect(parseEvent('Teknisk  administrativ opfølgning')).toBe('technical_follow_up');
    expect(parseEvent('teknisk opfølgning')).toBe('technical_follow_up');
    expect(parseEvent('ophør')).toBe('measure_end');
    expect(parseEvent('afsluttet')).toBe('measure_end');
    expect(parseEvent('constructor')).toBeNull();
    expect(parseEvent('visit')).toBeNull();
  });
});

describe('readExport', () => {
  it('reads a Danish Excel file: semicolons, CRLF, Windows-1252, Danish headers in any order', () => {
    const text = 'Dato;Hændelse;Enhed;SAGSNR;Foranstaltning;Næste_frist;Sagsbehandler;Ekstra\r\n' +
      '01-02-2025;Iværksat;Brønshøj-Husum;C1;M1;;ÆØ;x\r\n' +
      '15.04.2025;Opfølgning;Brønshøj-Husum;C1;M1;01/08/2025;ÆØ;y\r\n';
    const r = readExport(win1252(text));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.total).toBe(2);
    expect(r.rejections).toEqual([]);
    expect(r.records[1]).toMatchObject({ line: 3, unit: 'Brønshøj-Husum', caseworker: 'ÆØ', event: 'follow_up', date: '2025-04-15', nextDue: '2025-08-01' });
  });

  it('reads tab-separated files with quoted fields and a byte-order mark', () => {
    const text = '\ufeffcase_id\tmeasure_id\tunit\tevent\tdate\n"C1"\t"M1"\t"Valby, Syd"\tstart\t2025-01-01\n';
    const r = readExport(text);
    expect(r.delimiter).toBe('\t');
    expect(r.records[0]).toMatchObject({ caseId: 'C1', unit: 'Valby, Syd' });
  });

  it('numbers rows by the line they start on; blank and delimiter-only lines are not rows', () => {
    const text = 'case_id;measure_id;unit;event;date;note\n\nC1;M1;A;start;2025-01-01;"two\nlines"\n;;;;;\n   \nC1;M1;A;opfølgning;2025-02-01;x\n';
    const r = readExport(text);
    expect(r.total).toBe(2);
    expect(r.records.map((x) => x.line)).toEqual([3, 7]);
  });

  it('rejects a row with an unclosed quote and goes on reading the rows after it', () => {
    const text = 'case_id,measure_id,unit,event,date\nC1,M1,A,start,2025-01-01\nC1,M1,"A,opfølgning,2025-02-01\nC1,M1,A,opfølgning,2025-03-01\n';
    const r = readExport(text);
    expect(r.total).toBe(3);
    expect(inEnglish(r.rejections)).toEqual([{ line: 3, check: 1, reason: expect.stringContaining('never closed') }]);
    expect(r.records.map((x) => x.line)).toEqual([2, 4]);
  });

  it('does not merge the lines between a stray quote and a quoted field further down into one row', () => {
    const text = 'case_id,measure_id,unit,event,date\n' +
      'C1,"M1,A,start,2025-01-01\n' +
      'C2,M2,A,start,2025-01-01\n' +
      'C3,M3,"Valby, Syd",start,2025-01-01\n' +
      'C4,M4,A,start,2025-01-01\n';
    const r = readExport(text);
    expect(r.total).toBe(4);
    expect(inEnglish(r.rejections)).toEqual([{ line: 2, check: 1, reason: expect.stringContaining('never closed') }]);
    expect(r.records.map((x) => [x.line, x.unit])).toEqual([[3, 'A'], [4, 'Valby, Syd'], [5, 'A']]);
  });

  it('reads a file with an unclosed quote on every line, line by line, without running out of stack', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `C${i},M1,A,"start,2025-01-01`);
    const r = readExport(['case_id,measure_id,unit,event,date', ...lines, 'C,M,A,start,2025-01-01'].join('\n'));
    expect(r.total).toBe(20_001);
    expect(r.rejections).toHaveLength(20_000);
    expect(r.rejections[19_999]!.line).toBe(20_001);
    expect(r.records.map((x) => x.line)).toEqual([20_002]);
  });

  it('refuses a file whose header opens a quote that never closes, and says so', () => {
    expect(() => readExport('case_id,"measure_id,unit,event,date\nC1,M1,A,start,2025-01-01\n')).toThrow(/header.*line 1.*never closed/);
  });

  it('reads every line of a file whose lines end in a mix of CRLF, LF and CR', () => {
    const text = 'case_id,measure_id,unit,event,date\r\nC1,M1,A,start,2025-01-01\nC2,M1,"Valby\r\nSyd",start,2025-01-01\rC3,M1,A,start,2025-01-01\r\n';
    const r = readExport(text);
    expect(r.total).toBe(3);
    expect(r.records.map((x) => [x.line, x.unit])).toEqual([[2, 'A'], [3, 'Valby\nSyd'], [5, 'A']]);
  });

  it('says which line, which column and why for every unreadable field', () => {
    const text = 'case_id,measure_id,enhed,hændelse,dato,næste_frist\n' +
      'C1,M1,,start,2025-01-01,\n' +
      ',M1,,start,2025-01-01,\n' +
      'C1,M1,A,besøg,2025-01-01,\n' +
      'C1,M1,A,start,31-02-2025,\n' +
      'C1,M1,A,opfølgning,2025-03-01,soon\n' +
      'C1,M1,A,opfølgning,2025-03-01,01-03-2025\n' +
      'C1,M1,A,opfølgning,2025-03-01,2025-03-02\n';
    const r = readExport(text);
    expect(inEnglish(r.rejections).map((x) => [x.line, x.reason])).toEqual([
      [2, 'required column "enhed" is empty'],
      [3, 'required columns "case_id", "enhed" are empty'],
      [4, expect.stringMatching(/^"besøg" in column "hændelse" is not a known event/)],
      [5, expect.stringMatching(/^"31-02-2025" in column "dato" is not a date/)],
      [6, expect.stringMatching(/^"soon" in column "næste_frist" is not a date/)],
      [7, 'the next follow-up 2025-03-01 in column "næste_frist" is not after the row\'s date 2025-03-01'],
    ]);
    expect(r.records.map((x) => x.line)).toEqual([8]);
    expect(r.total).toBe(7);
  });

  it('rejects rows dated in year 0001 or 9999 with the years named, and analyses the rest', () => {
    const text = 'case_id,measure_id,unit,event,date,next_due\n' +
      'C1,M1,A,start,0001-01-01,\n' +
      'C2,M2,A,start,01-01-0000,\n' +
      'C3,M3,A,start,2025-01-01,\n' +
      'C3,M3,A,follow_up,2025-02-01,9999-12-31\n' +
      'C4,M4,A,start,9999-12-31,\n';
    const a = analyzeExport(text);
    expect(a.asOf).toBe('2025-02-01');
    expect(a.rows).toEqual({ total: 5, accepted: 1, rejected: 4 });
    expect(a.rejections.map((r) => r.line)).toEqual([2, 3, 5, 6]);
    for (const r of a.rejections) expect(r.reason).toMatch(/is not a date; .*years 1900–2199/);
    expect(() => analyzeExport(text, { asOf: '0001-01-01' })).toThrow(RangeError);
  });

  it('refuses a file without the required columns and says which are missing', () => {
    expect(() => readExport('case_id,unit,date\nC1,A,2025-01-01')).toThrow(NotATableError);
    expect(() => readExport('case_id,unit,date\nC1,A,2025-01-01')).toThrow(/measure_id \/ foranstaltning.*event \/ hændelse/);
  });

  it('refuses an empty file and a binary file whole', () => {
    expect(() => readExport('')).toThrow(/empty/);
    expect(() => readExport('\n\n ;; \n')).toThrow(/empty/);
    expect(() => readExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x08, 0, 0]))).toThrow(/binary/);
  });

  it('reads a header-only file as zero rows', () => {
    expect(readExport('case_id,measure_id,unit,event,date\r\n')).toMatchObject({ total: 0, records: [], rejections: [] });
  });

  it('drops a column of CPR numbers unread and names it', () => {
    const r = readExport('case_id,measure_id,unit,event,date,cpr,caseworker\nC1,M1,A,start,2025-01-01,010190-1234,AB\n');
    expect(r.cprColumns).toEqual(['cpr']);
    expect(JSON.stringify(r)).not.toContain('010190');
  });

  it('refuses a file whose case ids are CPR numbers rather than read them', () => {
    expect(() => readExport('case_id,measure_id,unit,event,date\n0101901234,M1,A,start,2025-01-01\n')).toThrow(/CPR/);
  });

  it('rejects a row with a stray CPR number in a column it reads, and never quotes the number', () => {
    const r = readExport('case_id,measure_id,unit,event,date\nC1,M1,A,start,2025-01-01\nC1,M1,A,010190-1234,2025-01-01\nC2,M2,A,010190-1234 x,2025-01-01\nC3,M3,A,start,2025-01-01\n');
    expect(r.cprColumns).toEqual([]);
    expect(r.rejections.map((x) => x.line)).toEqual([3, 4]);
    expect(inEnglish(r.rejections)[0]!.reason).toMatch(/column "event" holds what looks like a CPR number \(not shown\)/);
    expect(JSON.stringify(r.rejections)).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('never shows a CPR number from a header name, a case id or an unreadable value in any message or output', () => {
    const text = 'case_id,measure_id,unit,event,date,next_due,010190-1234\n' +
      'C-010190-1234,M1,A,start,2025-01-01,,010190-1234\n' +
      'C-010190-1234,M1,A,start,2025-01-02,,\n' +
      'C2,M0101901234,A,follow_up,2025-01-02,,\n' +
      'C3,M1,A,start,x010190-1234,,\n' +
      'C3,M1,A,start,2025-01-01,0101901234x,\n';
    const a = figuresOf(text);
    expect(a.analysis.cprColumns).toEqual(['••••••-••••']);
    expect(a.analysis.rows).toEqual({ total: 5, accepted: 0, rejected: 5 });
    const out = JSON.stringify(a) + rejectionsCsv(a.report, { line: 'l', check: 'c', reason: 'r' });
    expect(out).not.toMatch(/010190-?1234/);
    expect(() => readExport('case_id,measure_id,unit,event,date\n0101901234,M1,A,start,2025-01-01\n', { columns: {} })).toThrow(/CPR/);
    expect(() => readExport('010190-1234,measure_id,unit,event,date\n0101901234,M1,A,start,2025-01-01\n', { columns: { case_id: '010190-1234' } }))
      .toThrow(/^(?!.*010190-1234).*CPR/);
  });

  it('trims no-break and zero-width spaces around values like spaces, so one unit is one unit', () => {
    const r = readExport('case_id,measure_id,unit,event,date,caseworker\n' +
      'C1,M1,Amager\u00a0,start,2025-01-01,AB\u200b\n' +
      'C2,M1, Amager,start,2025-01-01,\ufeffAB\n' +
      'C3,M1,\u200bAmager\u2060,start\u00a0,2025-01-01\u202f,AB\n' +
      'C4,M1,\u00a0\u200b,start,2025-01-01,AB\n');
    expect(r.records.map((x) => [x.unit, x.caseworker, x.event, x.date])).toEqual([
      ['Amager', 'AB', 'measure_start', '2025-01-01'],
      ['Amager', 'AB', 'measure_start', '2025-01-01'],
      ['Amager', 'AB', 'measure_start', '2025-01-01'],
    ]);
    expect(inEnglish(r.rejections)).toEqual([{ line: 5, check: 1, reason: 'required column "unit" is empty' }]);
  });

  it('reads a unit, caseworker or type written with å as a + ring (decomposed Unicode) as the same name', () => {
    const nfd = (v: string) => v.normalize('NFD');
    const r = readExport(`case_id,measure_id,unit,event,date,caseworker,measure_type\nC1,M1,Vålby,start,2025-01-01,Åse,døgn\nC2,M1,${nfd('Vålby')},start,2025-01-01,${nfd('Åse')},${nfd('døgn')}\n`);
    expect(new Set(r.records.map((x) => `${x.unit}|${x.caseworker}|${x.measureType}`))).toEqual(new Set(['Vålby|Åse|døgn']));
  });

  it('hides CPR numbers written into free-text columns it keeps', () => {
    const r = readExport('case_id,measure_id,unit,event,date,measure_type\nC1,M1,A,start,2025-01-01,anbringelse 010190-1234\nC2,M2,A,start,2025-01-01,forebyggende\nC3,M3,A,start,2025-01-01,aflastning\n');
    expect(r.records[0]!.measureType).toBe('anbringelse ••••••-••••');
  });

  it('takes the latest readable date of any row as the default as-of', () => {
    const r = readExport('case_id,measure_id,unit,event,date\nC1,M1,A,start,2025-01-01\n,M1,A,start,2025-05-01\nC1,M1,A,x,bad\n');
    expect(r.latestDate).toBe('2025-05-01');
  });
});

describe('isCpr and maskCpr', () => {
  it('know a CPR number by its shape and date', () => {
    expect(isCpr('010190-1234')).toBe(true);
    expect(isCpr('0101901234')).toBe(true);
    expect(isCpr('320190-1234')).toBe(false);
    expect(isCpr('M-123456')).toBe(false);
    expect(maskCpr('see 010190-1234 and 0101901234')).toBe('see ••••••-•••• and ••••••-••••');
  });
  it('hide a CPR number written against letters, but not digits of a longer number', () => {
    expect(maskCpr('x010190-1234')).toBe('x••••••-••••');
    expect(maskCpr('0101901234x')).toBe('••••••-••••x');
    expect(maskCpr('id_010190-1234')).toBe('id_••••••-••••');
    expect(maskCpr('20250101901234')).toBe('20250101901234');
  });
});
