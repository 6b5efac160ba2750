import { isoDate } from '../calendar.ts';
import { maskCpr } from './cpr.ts';
import { NotATableError, type SplitTable, type TableRow } from './table.ts';

/*
 * A spreadsheet's cells (what an XLSX reader gives: one array per sheet row,
 * from row 1, with strings, numbers, booleans, dates and empty cells) as the
 * same table a CSV file becomes. The spreadsheet's row number is the line
 * number, so "line 7" in a rejection is row 7 in Excel. A date cell becomes
 * YYYY-MM-DD from its UTC parts: XLSX readers give a date cell as midnight
 * UTC, and reading it in local time could shift it a day.
 */

/** What a cell can hold. Typed loosely: readers' own types differ (read-excel-file's says `typeof Date` where it gives a Date). */
export type SheetCell = string | number | boolean | Date | null | undefined | unknown;

/** @example cellText(new Date(Date.UTC(2025, 0, 31))) // '2025-01-31' */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number' || typeof cell === 'string') return String(cell);
  return '';
}

/**
 * @example tableFromSheet([['case_id', 'date'], ['C1', new Date(Date.UTC(2025, 0, 31))]]).rows
 *   // [{ line: 2, fields: ['C1', '2025-01-31'] }]
 */
export function tableFromSheet(data: readonly (readonly SheetCell[] | null | undefined)[]): SplitTable {
  const table: SplitTable = { header: [], headerLine: 0, rows: [] };
  for (let i = 0; i < data.length; i++) {
    const fields = (data[i] ?? []).map(cellText);
    if (fields.every((f) => f.trim() === '')) continue;
    if (table.headerLine === 0) {
      table.header = fields.map((f) => f.trim());
      table.headerLine = i + 1;
    } else {
      table.rows.push({ line: i + 1, fields } satisfies TableRow);
    }
  }
  if (table.headerLine === 0) throw new NotATableError({ code: 'empty-sheet' });
  return table;
}

/** A workbook's sheet as an XLSX reader gives it. */
export interface WorkbookSheet {
  sheet: string;
  data: readonly (readonly SheetCell[] | null | undefined)[];
}

/** More than one sheet, and none chosen: the person picks one (`problemOf` gives the names). */
export class SheetChoiceError extends NotATableError {
  constructor(readonly sheets: string[]) {
    super({ code: 'choose-sheet', sheets: sheets.map(maskCpr) });
  }
}

/**
 * The sheet to read: the only one, or the one chosen by name.
 * @example pickSheet([{ sheet: 'Ark1', data: [] }]).sheet // 'Ark1'
 */
export function pickSheet(sheets: readonly WorkbookSheet[], choice?: string): WorkbookSheet {
  if (sheets.length === 0) throw new NotATableError({ code: 'no-sheets' });
  if (choice !== undefined) {
    const found = sheets.find((s) => s.sheet === choice);
    if (!found) throw new NotATableError({ code: 'no-such-sheet', sheet: maskCpr(choice) });
    return found;
  }
  if (sheets.length > 1) throw new SheetChoiceError(sheets.map((s) => s.sheet));
  return sheets[0]!;
}

/**
 * An XLSX reader's failure in words a person can act on (read-excel-file's
 * InvalidInputError codes, and its InvalidSpreadsheetError for a workbook
 * whose contents are damaged, which names the cell); null for anything else.
 */
export function spreadsheetRefusal(error: unknown): NotATableError | null {
  if (error instanceof Error && error.name === 'InvalidSpreadsheetError') {
    const at = /\bat row (\d+), col (\d+)/.exec(error.message);
    return new NotATableError({ code: 'damaged-workbook', cell: at ? { row: Number(at[1]), column: Number(at[2]) } : null });
  }
  if (!(error instanceof Error) || error.name !== 'InvalidInputError') return null;
  const code = (error as Error & { code?: string }).code;
  if (code === 'XLS_FILE_NOT_SUPPORTED') {
    return new NotATableError({ code: 'xls' });
  }
  if (code === 'NO_DATA') return new NotATableError({ code: 'empty-file' });
  return new NotATableError({ code: 'not-xlsx' });
}
