import { describe, expect, it } from 'vitest';
import { analyzeExport, UnreadableExportError } from '../../src/domain/analyze.ts';
import { readExport } from '../../src/domain/import/read.ts';
import { pickSheet, spreadsheetRefusal } from '../../src/domain/import/sheet.ts';
import { type Refusal, refusalText, rejection, rejectionText, type RowReason } from '../../src/domain/reasons.ts';

/*
 * Every code's English sentence, word for word as the command line printed
 * it before reasons were codes: the CLI's JSON `rejections[].reason` and
 * its one-line refusals must not change.
 */

const EVENTS = 'measure_start, follow_up, technical_follow_up, measure_end (or start/iværksat, opfølgning, teknisk opfølgning, ophør/afsluttet)';
const DATES = 'YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY, years 1900–2199';

const ROWS: { [C in RowReason['code']]: [Extract<RowReason, { code: C }>, number, string] } = {
  'broken-quote': [{ code: 'broken-quote' }, 1, 'a quoted field opens here and is never closed (unbalanced " quote)'],
  empty: [{ code: 'empty', columns: ['case_id', 'enhed'] }, 1, 'required columns "case_id", "enhed" are empty'],
  cpr: [{ code: 'cpr', columns: ['event'] }, 1, 'column "event" holds what looks like a CPR number (not shown); Sagsflow reads only pseudonymous ids'],
  'not-an-event': [{ code: 'not-an-event', column: 'hændelse', value: 'besøg "x"' }, 1, `"besøg \\"x\\"" in column "hændelse" is not a known event; use ${EVENTS}`],
  'not-a-date': [{ code: 'not-a-date', column: 'dato', value: '31-02-2025' }, 1, `"31-02-2025" in column "dato" is not a date; use ${DATES}`],
  'next-due-not-after': [
    { code: 'next-due-not-after', column: 'næste_frist', nextDue: '2025-03-01', date: '2025-03-01' },
    1,
    'the next follow-up 2025-03-01 in column "næste_frist" is not after the row\'s date 2025-03-01',
  ],
  'after-as-of': [{ code: 'after-as-of', date: '2025-07-01', asOf: '2025-06-30' }, 2, 'dated 2025-07-01, after the as-of date 2025-06-30'],
  'no-start': [{ code: 'no-start', caseId: 'C1', measureId: 'M1' }, 3, 'measure "M1" of case "C1" has no start (measure_start) that could be accepted'],
  'second-start': [
    { code: 'second-start', caseId: 'C1', measureId: 'M1', otherLine: 2 },
    3,
    'a second start of measure "M1" of case "C1"; the first, on line 2, counts',
  ],
  'end-before-start': [
    { code: 'end-before-start', date: '2025-01-15', start: '2025-02-01', otherLine: 2 },
    4,
    'the end 2025-01-15 is before the start 2025-02-01 (line 2)',
  ],
  'second-end': [{ code: 'second-end', caseId: 'C1', measureId: 'M1', otherLine: 4 }, 4, 'a second end of measure "M1" of case "C1"; the first, on line 4, counts'],
  'follow-up-before-start': [
    { code: 'follow-up-before-start', date: '2025-01-31', start: '2025-02-01', otherLine: 2 },
    5,
    'follow-up dated 2025-01-31, before the start 2025-02-01 (line 2)',
  ],
  'follow-up-after-end': [
    { code: 'follow-up-after-end', date: '2025-06-02', end: '2025-06-01', otherLine: 5 },
    5,
    'follow-up dated 2025-06-02, after the end 2025-06-01 (line 5)',
  ],
  repeats: [{ code: 'repeats', otherLine: 3 }, 6, 'repeats line 3 (same measure, event and date)'],
};

const REFUSALS: { [C in Refusal['code']]: [Extract<Refusal, { code: C }>, string] } = {
  'too-large': [
    { code: 'too-large', megabytes: 200, limit: 160 },
    'The file is 200 MB; Sagsflow reads exports of up to 160 MB. Export a shorter period, or one unit at a time.',
  ],
  'workbook-too-large': [
    { code: 'workbook-too-large', megabytes: 1024, limit: 480 },
    'This workbook unpacks to 1024 MB; Sagsflow reads workbooks that unpack to at most 480 MB. Export a shorter period, or one unit at a time.',
  ],
  binary: [{ code: 'binary' }, 'This is not a text table (CSV or TSV): it holds binary data. Export the data as CSV and open that file.'],
  'empty-file': [{ code: 'empty-file' }, 'The file is empty: there is no header row and no data.'],
  'empty-sheet': [{ code: 'empty-sheet' }, 'The sheet is empty: there is no header row and no data.'],
  'header-quote': [{ code: 'header-quote', line: 1 }, 'The header, on line 1, opens a quoted field (") that is never closed. Fix the quote and open the file again.'],
  'missing-columns': [
    { code: 'missing-columns', missing: ['measure_id', 'event'], found: ['case_id', 'unit', 'date'] },
    'The file lacks required columns: "measure_id / foranstaltning / foranstaltning_id", "event / hændelse". Columns found: "case_id", "unit", "date".',
  ],
  'cpr-column': [
    { code: 'cpr-column', column: 'case_id' },
    'The column "case_id" holds CPR numbers. Sagsflow never reads CPR numbers: export pseudonymous ids instead.',
  ],
  'ambiguous-dates': [
    { code: 'ambiguous-dates', sample: '01-02-2025' },
    'Every day-month date in the file could be read two ways (is 01-02-2025 day-month or month-day?). Say which order the file uses.',
  ],
  'choose-sheet': [{ code: 'choose-sheet', sheets: ['Ark1', 'Ark2'] }, '2 sheets of the workbook could be the export (Ark1, Ark2). Choose the one that holds it.'],
  'no-sheets': [{ code: 'no-sheets' }, 'The workbook has no sheets.'],
  'no-such-sheet': [{ code: 'no-such-sheet', sheet: 'Data' }, 'The workbook has no sheet named "Data".'],
  'damaged-workbook': [
    { code: 'damaged-workbook', cell: { row: 3, column: 2 } },
    'This workbook is damaged (row 3, col 2) and cannot be read. Save it again as .xlsx or as CSV and open that.',
  ],
  xls: [{ code: 'xls' }, 'This is an old Excel file (.xls), which Sagsflow cannot read. Save it as .xlsx or as CSV and open that.'],
  'not-xlsx': [{ code: 'not-xlsx' }, 'This file is not an Excel workbook (.xlsx) that can be read. Save it again as .xlsx or as CSV and open that.'],
};

describe('reasons as codes', () => {
  it.each(Object.values(ROWS))('%o reads in English as the command line printed it, under its check', (reason, check, sentence) => {
    expect(rejectionText(reason)).toBe(sentence);
    expect(rejection(7, reason)).toEqual({ line: 7, check, reason });
  });

  it('says one empty column in the singular and several CPR columns in the plural', () => {
    expect(rejectionText({ code: 'empty', columns: ['unit'] })).toBe('required column "unit" is empty');
    expect(rejectionText({ code: 'cpr', columns: ['case_id', 'unit'] })).toBe(
      'columns "case_id", "unit" hold what looks like a CPR number (not shown); Sagsflow reads only pseudonymous ids',
    );
  });

  it.each(Object.values(REFUSALS))('%o reads in English as the command line printed it', (refusal, sentence) => {
    expect(refusalText(refusal)).toBe(sentence);
  });

  it('names no columns found as "none", and a damaged workbook without a cell without one', () => {
    expect(refusalText({ code: 'missing-columns', missing: ['unit'], found: [] })).toBe('The file lacks required columns: "unit / enhed". Columns found: none.');
    expect(refusalText({ code: 'damaged-workbook', cell: null })).toBe(
      'This workbook is damaged and cannot be read. Save it again as .xlsx or as CSV and open that.',
    );
  });

  it('refuses a file with the refusal as data and its English sentence as the message', () => {
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return e as UnreadableExportError;
      }
      throw new Error('not refused');
    };
    const e = refused(() => analyzeExport('case_id,"measure_id,unit,event,date\nC1,M1,A,start,2025-01-01\n'));
    expect(e).toBeInstanceOf(UnreadableExportError);
    expect(e.refusal).toEqual({ code: 'header-quote', line: 1 });
    expect(e.message).toBe(REFUSALS['header-quote'][1]);
    expect(refused(() => analyzeExport('case_id,unit,date\nC1,A,2025-01-01')).refusal).toEqual({
      code: 'missing-columns', missing: ['measure_id', 'event'], found: ['case_id', 'unit', 'date'],
    });
  });

  it('reads a damaged workbook’s cell from the reader’s message and masks CPR numbers in sheet names', () => {
    const damaged = Object.assign(new Error('Invalid cell value at row 3, col 2'), { name: 'InvalidSpreadsheetError' });
    expect(spreadsheetRefusal(damaged)?.refusal).toEqual({ code: 'damaged-workbook', cell: { row: 3, column: 2 } });
    const sheets = [{ sheet: 'Ark1', data: [] }, { sheet: '010190-1234', data: [] }];
    try {
      pickSheet(sheets);
      expect.unreachable();
    } catch (e) {
      expect((e as { refusal: Refusal }).refusal).toEqual({ code: 'choose-sheet', sheets: ['Ark1', '••••••-••••'] });
      expect((e as Error).message).not.toContain('010190');
    }
  });

  it('puts no CPR number into any parameter: ids and values are masked, long values cut', () => {
    const long = 'x'.repeat(60);
    const r = readExport(
      'case_id,measure_id,unit,event,date\n' +
        'C1,M1,A,start,2025-01-01\n' +
        `C2,M2,A,hop 010190-1234,2025-01-01\n` +
        `C3,M3,A,${long},2025-01-01\n` +
        'C4,M0101901234,A,follow_up,2025-01-01\n',
    );
    expect(r.rejections.map((x) => x.reason)).toEqual([
      { code: 'cpr', columns: ['event'] },
      { code: 'not-an-event', column: 'event', value: `${'x'.repeat(40)}…` },
    ]);
    const a = analyzeExport('case_id,measure_id,unit,event,date\nC4,M0101901234,A,follow_up,2025-01-01\n');
    expect(a.rejections).toEqual([{ line: 2, reason: 'measure "M••••••-•••• #1" of case "C4" has no start (measure_start) that could be accepted' }]);
  });
});
