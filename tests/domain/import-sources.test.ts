import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { analyzeExport, figuresOf, UnreadableExportError } from '../../src/domain/analyze.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { detectDateOrder, parseDate } from '../../src/domain/import/dates.ts';
import { AmbiguousDatesError, MissingColumnsError } from '../../src/domain/import/problems.ts';
import { readExport } from '../../src/domain/import/read.ts';
import { groupRejections, rejectionsCsv } from '../../src/domain/import/report.ts';
import { cellText, pickSheet, SheetChoiceError, spreadsheetRefusal, tableFromSheet } from '../../src/domain/import/sheet.ts';

type Cell = string | number | Date | null;

/** A generated export's rows as spreadsheet rows, dates as date cells. */
function sheetRows(text: string): Cell[][] {
  const [header, ...rows] = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  const dateCols = header!.map((h, i) => (h === 'date' || h === 'next_due' ? i : -1)).filter((i) => i >= 0);
  return [
    header!,
    ...rows.map((r) =>
      r.map((v, i) => {
        if (dateCols.includes(i) && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
          const [y, m, d] = v.split('-').map(Number);
          return new Date(Date.UTC(y!, m! - 1, d!));
        }
        return v === '' ? null : v;
      }),
    ),
  ];
}

async function xlsxOf(rows: Cell[][]): Promise<Buffer> {
  const cells = rows.map((r) => r.map((v) => (v instanceof Date ? { value: v, type: Date, format: 'dd-mm-yyyy' } : v)));
  return writeExcelFile(cells as never).toBuffer();
}

describe('reading a spreadsheet', () => {
  it('cellText writes a date cell as its UTC calendar date, never shifted by a time zone', () => {
    expect(cellText(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31');
    expect(cellText(new Date(Date.UTC(2024, 11, 31, 23, 59)))).toBe('2024-12-31');
    expect(cellText(42)).toBe('42');
    expect(cellText(null)).toBe('');
  });

  it('tableFromSheet numbers rows as the spreadsheet does and skips empty rows without renumbering', () => {
    const t = tableFromSheet([null, ['case_id', 'unit'], ['C1', 'Østerbro'], [null, ''], ['C2', 'Valby']]);
    expect(t.headerLine).toBe(2);
    expect(t.rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it('an XLSX file written from a generated export gives the same figures as its CSV', async () => {
    const text = exportText(generateRows({ seed: 7, measures: 150 }), 'canonical');
    const sheets = await readXlsxFile(await xlsxOf(sheetRows(text)));
    const fromSheet = analyzeExport(tableFromSheet(pickSheet(sheets).data));
    const fromCsv = analyzeExport(text);
    expect(fromSheet.rows).toEqual(fromCsv.rows);
    expect(fromSheet.status).toEqual(fromCsv.status);
    expect(fromSheet.rejections).toEqual(fromCsv.rejections);
  });

  it('a workbook with several sheets asks which one, and reads the one chosen', () => {
    const sheets = [
      { sheet: 'Ark1', data: [] },
      { sheet: 'Udtræk', data: [['x']] },
    ];
    expect(() => pickSheet(sheets)).toThrow(SheetChoiceError);
    expect(pickSheet(sheets, 'Udtræk').sheet).toBe('Udtræk');
  });

  it('an old .xls file or a broken workbook is refused with what to do', async () => {
    const err = Object.assign(new Error('x'), { name: 'InvalidInputError', code: 'XLS_FILE_NOT_SUPPORTED' });
    expect(spreadsheetRefusal(err)?.message).toMatch(/old Excel file \(.xls\).*Save it as .xlsx or as CSV/);
    const broken = await readXlsxFile(Buffer.from('not a zip at all')).catch((e: unknown) => e);
    expect(spreadsheetRefusal(broken)?.message).toMatch(/not an Excel workbook/);
  });

  it('a workbook with a damaged cell is refused with where it is and what to do, not failed as a bug', () => {
    const damaged = Object.assign(new Error('<c/> at row 2, col 1: VALUE_INVALID'), { name: 'InvalidSpreadsheetError' });
    expect(spreadsheetRefusal(damaged)?.message).toMatch(/damaged.*row 2, col 1.*Save it again as .xlsx or as CSV/);
  });
});

describe('date order', () => {
  it('is read from the data when one date can only be read one way', () => {
    expect(detectDateOrder(['01-02-2025', '25-02-2025']).order).toBe('dmy');
    expect(detectDateOrder(['01/02/2025', '02/25/2025']).order).toBe('mdy');
    expect(detectDateOrder(['2025-02-01', '01.01.2025']).order).toBe('none');
    expect(parseDate('02/25/2025', 'mdy')).toBe('2025-02-25');
  });

  it('asks when every day-month date could be read both ways, and never guesses', () => {
    const text = 'case_id,measure_id,unit,event,date\nC1,M1,A,start,01-02-2025\nC1,M1,A,follow_up,03-04-2025\n';
    let error: unknown;
    try {
      readExport(text, { dateOrder: 'detect' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbiguousDatesError);
    expect((error as AmbiguousDatesError).samples).toEqual(['01-02-2025', '03-04-2025']);
    expect(readExport(text, { dateOrder: 'mdy' }).records.map((r) => r.date)).toEqual(['2025-01-02', '2025-03-04']);
    // The command line's default stays day-month (SPEC §3).
    expect(readExport(text).records.map((r) => r.date)).toEqual(['2025-02-01', '2025-04-03']);
  });

  it('reads a month-first file month-first when the data says so, and says it decided', () => {
    const r = readExport('case_id,measure_id,unit,event,date\nC1,M1,A,start,02/25/2025\nC1,M1,A,follow_up,03/01/2025\n', {
      dateOrder: 'detect',
    });
    expect(r.dateOrder).toBe('mdy');
    expect(r.dateOrderDetected).toBe(true);
    expect(r.records.map((x) => x.date)).toEqual(['2025-02-25', '2025-03-01']);
  });
});

describe('column mapping', () => {
  const text = 'Sag;Tiltag;Team;Hvad;Hvornår\nS1;F1;Øst;start;2025-01-02\n010190-1234;F2;Vest;start;2025-01-03\n';

  it('a file without the required columns is refused with its columns and sample values, CPR masked', () => {
    let error: unknown;
    try {
      readExport(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingColumnsError);
    const e = error as MissingColumnsError;
    expect(e.missing).toEqual(['case_id', 'measure_id', 'unit', 'event', 'date']);
    expect(e.header).toEqual(['Sag', 'Tiltag', 'Team', 'Hvad', 'Hvornår']);
    expect(e.samples[0]).toEqual(['S1', '••••••-••••']);
    expect(JSON.stringify(e.samples)).not.toContain('010190');
  });

  it('a mapping by header name reads the file', () => {
    const r = readExport(text, {
      columns: { case_id: 'Sag', measure_id: 'Tiltag', unit: 'Team', event: 'Hvad', date: 'Hvornår' },
    });
    expect(r.records.map((x) => x.unit)).toEqual(['Øst']);
    expect(r.total).toBe(2);
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0]!.reason).not.toContain('010190');
  });

  it('the refusal crosses to the app as a question', () => {
    try {
      figuresOf(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableExportError);
      expect((e as UnreadableExportError).problem?.kind).toBe('columns');
    }
  });
});

describe('the validation report', () => {
  const text = [
    'case_id,measure_id,unit,cpr,caseworker,event,date',
    'C1,M1,Amager,010190-1234,=HYPERLINK("x"),start,2025-01-02',
    'C1,M1,Amager,020290-1234,AB,bogus,2025-02-02',
    'C2,M2,Amager,030390-1234,AB 040490-1234,hmm,2025-02-03',
    'C3,M3,Valby,050590-1234,AB,follow_up,2025-03-01',
    'C1,M1,Amager,060690-1234,AB,start,2025-01-05',
  ].join('\n');

  it('carries every rejection with its check and the row values, CPR column dropped and CPR-shaped text masked', () => {
    const { analysis, report } = figuresOf(text);
    expect(report.header).toEqual(['case_id', 'measure_id', 'unit', 'caseworker', 'event', 'date']);
    expect(report.rejections.map((r) => [r.line, r.check])).toEqual([[3, 1], [4, 1], [5, 3], [6, 3]]);
    expect(report.rejections[1]!.raw).toEqual(['C2', 'M2', 'Amager', 'AB ••••••-••••', 'hmm', '2025-02-03']);
    expect(JSON.stringify(report)).not.toMatch(/\d{6}-\d{4}/);
    expect(analysis.rows.rejected).toBe(report.rejections.length);
  });

  it('groups rejections by check and the code of their reason', () => {
    const { report } = figuresOf(text);
    const groups = groupRejections(report.rejections);
    expect(groups.map((g) => [g.check, g.reason.code, g.rejections.length])).toEqual([[1, 'not-an-event', 2], [3, 'no-start', 1], [3, 'second-start', 1]]);
    expect(groups[0]!.reason).toEqual({ code: 'not-an-event', column: 'event', value: 'bogus' });
  });

  it('puts rows with different values of one reason into one group, whatever quotes, dates or line numbers the values hold', () => {
    const rows = [
      'case_id,measure_id,unit,event,date',
      'C1,M1,Amager,start,2025-01-02',
      'C1,M1,Amager,besøg,2025-02-02',
      'C1,M1,Amager,"møde ""akut""",2025-02-03',
      'C1,M1,Amager,"møde, 2025-02-04 line 7",2025-02-04',
      'C2,"M ""2""",Amager,follow_up,2025-03-01',
      'C3,M3,Amager,follow_up,2025-03-01',
    ].join('\n');
    const groups = groupRejections(figuresOf(rows).report.rejections);
    expect(groups.map((g) => [g.check, g.rejections.map((r) => r.line)])).toEqual([[1, [3, 4, 5]], [3, [6, 7]]]);
  });

  it('keeps apart rejections of one code that name different columns', () => {
    const rows = 'case_id,measure_id,unit,event,date,next_due\nC1,M1,A,start,soon,\nC2,M2,A,start,2025-01-01,later\nC3,M3,A,start,never,\n';
    const groups = groupRejections(figuresOf(rows).report.rejections);
    expect(groups.map((g) => [g.reason, g.rejections.map((r) => r.line)])).toEqual([
      [{ code: 'not-a-date', column: 'date', value: 'soon' }, [2, 4]],
      [{ code: 'not-a-date', column: 'next_due', value: 'later' }, [3]],
    ]);
  });

  it('downloads as CSV with formula payloads neutralised', () => {
    const csv = rejectionsCsv(
      {
        format: 'text', encoding: 'utf-8', delimiter: ',', dateOrder: 'dmy', dateOrderDetected: false,
        header: ['unit'],
        rejections: [{ line: 2, check: 1, reason: { code: 'broken-quote' }, raw: ['=HYPERLINK("http://evil")'] }],
      },
      { line: 'line', check: 'check', reason: 'reason' },
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('hostile input', () => {
  it('refuses a file over the size limit at once, with its size and what to do', () => {
    const row = 'C1,M1,Amager,AB,type,follow_up,2025-01-02,\n';
    const big = new Uint8Array(200 * 1024 * 1024); // 200 MB of one repeated row
    const chunk = new TextEncoder().encode(row);
    for (let i = 0; i + chunk.length <= big.length; i += chunk.length) big.set(chunk, i);
    const started = performance.now();
    expect(() => analyzeExport(big)).toThrow(/The file is 200 MB; Sagsflow reads exports of up to 160 MB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an empty file, a binary file and an empty sheet, and reads a header-only file as zero rows', () => {
    expect(() => analyzeExport(new Uint8Array())).toThrow(/The file is empty/);
    expect(() => analyzeExport(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 1, 2]))).toThrow(/binary data/);
    expect(() => analyzeExport(tableFromSheet([[null], []]))).toThrow(/The sheet is empty/);
    expect(analyzeExport('case_id,measure_id,unit,event,date\n').rows).toEqual({ total: 0, accepted: 0, rejected: 0 });
  });

  it('keeps script and formula payloads as plain text values', () => {
    const a = analyzeExport('case_id,measure_id,unit,caseworker,event,date\nC1,M1,<script>alert(1)</script>,=1+1,start,2025-01-02\n');
    expect(a.units).toEqual(['<script>alert(1)</script>']);
  });
});
