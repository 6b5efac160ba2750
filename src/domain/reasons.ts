import { type Field, fieldNames } from './import/columns.ts';
import { DATE_FORMATS } from './import/dates.ts';
import { EVENT_NAMES } from './import/events.ts';
import type { IsoDate } from './types.ts';

/*
 * Why a row was rejected, and why a file was refused whole, as a code with
 * its parameters. The sentence is built where it is shown: here in English
 * (the command line, the English page), on the Danish page in Danish, from
 * the same codes; nothing parses a sentence back.
 *
 * Parameters never hold a CPR number: values from the file and ids are
 * masked (`maskCpr`) and values cut to 40 characters before they get here,
 * and columns are named as the header names them, masked too.
 */

/** Why one row was rejected (SPEC §3.1), by the check that rejected it. */
export type RowReason =
  // Check 1: the row's fields cannot be read.
  | { code: 'broken-quote' }
  | { code: 'empty'; columns: string[] }
  | { code: 'cpr'; columns: string[] }
  | { code: 'not-an-event'; column: string; value: string }
  | { code: 'not-a-date'; column: string; value: string }
  | { code: 'next-due-not-after'; column: string; nextDue: IsoDate; date: IsoDate }
  // Check 2.
  | { code: 'after-as-of'; date: IsoDate; asOf: IsoDate }
  // Check 3.
  | { code: 'no-start'; caseId: string; measureId: string }
  | { code: 'second-start'; caseId: string; measureId: string; otherLine: number }
  // Check 4.
  | { code: 'end-before-start'; date: IsoDate; start: IsoDate; otherLine: number }
  | { code: 'second-end'; caseId: string; measureId: string; otherLine: number }
  // Check 5.
  | { code: 'follow-up-before-start'; date: IsoDate; start: IsoDate; otherLine: number }
  | { code: 'follow-up-after-end'; date: IsoDate; end: IsoDate; otherLine: number }
  // Check 6.
  | { code: 'repeats'; otherLine: number };

export type Check = 1 | 2 | 3 | 4 | 5 | 6;

const CHECK: Record<RowReason['code'], Check> = {
  'broken-quote': 1,
  empty: 1,
  cpr: 1,
  'not-an-event': 1,
  'not-a-date': 1,
  'next-due-not-after': 1,
  'after-as-of': 2,
  'no-start': 3,
  'second-start': 3,
  'end-before-start': 4,
  'second-end': 4,
  'follow-up-before-start': 5,
  'follow-up-after-end': 5,
  repeats: 6,
};

/** A row that was not accepted, and why. */
export interface Rejection {
  line: number;
  /** Which check of SPEC §3.1 rejected it (1–6), as its reason says. */
  check: Check;
  reason: RowReason;
}

/** @example rejection(4, { code: 'repeats', otherLine: 3 }) // { line: 4, check: 6, reason: { code: 'repeats', otherLine: 3 } } */
export function rejection(line: number, reason: RowReason): Rejection {
  return { line, check: CHECK[reason.code], reason };
}

/**
 * What makes rejections one group in the report: the code and the columns
 * it names, not the row's own values (dates, ids, lines).
 * @example reasonKey({ code: 'not-a-date', column: 'dato', value: 'x' }) === reasonKey({ code: 'not-a-date', column: 'dato', value: 'y' }) // true
 */
export function reasonKey(reason: RowReason): string {
  const columns = 'columns' in reason ? reason.columns : 'column' in reason ? [reason.column] : [];
  return [reason.code, ...columns].join('\u0000');
}

/** Why a file was refused whole (SPEC §3.1), before any row was read. */
export type Refusal =
  | { code: 'too-large'; megabytes: number; limit: number }
  /** `megabytes`: what the workbook's parts declare they inflate to, all together. */
  | { code: 'workbook-too-large'; megabytes: number; limit: number }
  | { code: 'binary' }
  | { code: 'empty-file' }
  | { code: 'empty-sheet' }
  | { code: 'header-quote'; line: number }
  /** `found`: the file's header names (masked). */
  | { code: 'missing-columns'; missing: Field[]; found: string[] }
  | { code: 'cpr-column'; column: string }
  | { code: 'ambiguous-dates'; sample: string }
  /** `sheets`: the workbook's sheet names (masked). */
  | { code: 'choose-sheet'; sheets: string[] }
  | { code: 'no-sheets' }
  | { code: 'no-such-sheet'; sheet: string }
  /** `cell`: where the reader found the damage, when it says. */
  | { code: 'damaged-workbook'; cell: { row: number; column: number } | null }
  | { code: 'xls' }
  | { code: 'not-xlsx' };

/**
 * How a sentence writes the row's own values: as written (the command
 * line), as a locale writes dates, or all as "…" (a group's heading).
 */
export interface ValueStyle {
  /** A value from the file (already masked and cut). */
  value(v: string): string;
  /** A case or measure id (already masked). */
  id(v: string): string;
  date(d: IsoDate): string;
  line(n: number): string;
}

/** A sentence for every code of `R`, in one language. */
export type Sentences<R extends { code: string }> = {
  [C in R['code']]: (reason: Extract<R, { code: C }>, values: ValueStyle) => string;
};

/** The sentence for `reason` from a language's table. */
export function say<R extends { code: string }>(sentences: Sentences<R>, reason: R, values: ValueStyle): string {
  return (sentences[reason.code as R['code']] as (r: R, v: ValueStyle) => string)(reason, values);
}

/** Values as the file writes them: what the command line prints. */
export const AS_WRITTEN: ValueStyle = {
  value: (v) => JSON.stringify(v),
  id: (v) => `"${v}"`,
  date: (d) => d,
  line: String,
};

const names = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
const measure = (r: { caseId: string; measureId: string }, v: ValueStyle) => `measure ${v.id(r.measureId)} of case ${v.id(r.caseId)}`;

const ENGLISH_ROWS: Sentences<RowReason> = {
  'broken-quote': () => 'a quoted field opens here and is never closed (unbalanced " quote)',
  empty: ({ columns }) =>
    columns.length > 1 ? `required columns ${names(columns)} are empty` : `required column ${names(columns)} is empty`,
  cpr: ({ columns }) =>
    `${columns.length > 1 ? 'columns' : 'column'} ${names(columns)} ${columns.length > 1 ? 'hold' : 'holds'} what looks like a CPR number (not shown); Sagsflow reads only pseudonymous ids`,
  'not-an-event': (r, v) => `${v.value(r.value)} in column ${names([r.column])} is not a known event; use ${EVENT_NAMES}`,
  'not-a-date': (r, v) => `${v.value(r.value)} in column ${names([r.column])} is not a date; use ${DATE_FORMATS}`,
  'next-due-not-after': (r, v) => `the next follow-up ${v.date(r.nextDue)} in column ${names([r.column])} is not after the row's date ${v.date(r.date)}`,
  'after-as-of': (r, v) => `dated ${v.date(r.date)}, after the as-of date ${v.date(r.asOf)}`,
  'no-start': (r, v) => `${measure(r, v)} has no start (measure_start) that could be accepted`,
  'second-start': (r, v) => `a second start of ${measure(r, v)}; the first, on line ${v.line(r.otherLine)}, counts`,
  'end-before-start': (r, v) => `the end ${v.date(r.date)} is before the start ${v.date(r.start)} (line ${v.line(r.otherLine)})`,
  'second-end': (r, v) => `a second end of ${measure(r, v)}; the first, on line ${v.line(r.otherLine)}, counts`,
  'follow-up-before-start': (r, v) => `follow-up dated ${v.date(r.date)}, before the start ${v.date(r.start)} (line ${v.line(r.otherLine)})`,
  'follow-up-after-end': (r, v) => `follow-up dated ${v.date(r.date)}, after the end ${v.date(r.end)} (line ${v.line(r.otherLine)})`,
  repeats: (r, v) => `repeats line ${v.line(r.otherLine)} (same measure, event and date)`,
};

const ENGLISH_REFUSALS: Sentences<Refusal> = {
  'too-large': (r) =>
    `The file is ${r.megabytes} MB; Sagsflow reads exports of up to ${r.limit} MB. Export a shorter period, or one unit at a time.`,
  'workbook-too-large': (r) =>
    `This workbook unpacks to ${r.megabytes} MB; Sagsflow reads workbooks that unpack to at most ${r.limit} MB. Export a shorter period, or one unit at a time.`,
  binary: () => 'This is not a text table (CSV or TSV): it holds binary data. Export the data as CSV and open that file.',
  'empty-file': () => 'The file is empty: there is no header row and no data.',
  'empty-sheet': () => 'The sheet is empty: there is no header row and no data.',
  'header-quote': (r) => `The header, on line ${r.line}, opens a quoted field (") that is never closed. Fix the quote and open the file again.`,
  'missing-columns': (r) =>
    `The file lacks required columns: ${names(r.missing.map(fieldNames))}. Columns found: ${r.found.length ? names(r.found) : 'none'}.`,
  'cpr-column': (r) => `The column "${r.column}" holds CPR numbers. Sagsflow never reads CPR numbers: export pseudonymous ids instead.`,
  'ambiguous-dates': (r) =>
    `Every day-month date in the file could be read two ways (is ${r.sample} day-month or month-day?). Say which order the file uses.`,
  'choose-sheet': (r) => `${r.sheets.length} sheets of the workbook could be the export (${r.sheets.join(', ')}). Choose the one that holds it.`,
  'no-sheets': () => 'The workbook has no sheets.',
  'no-such-sheet': (r) => `The workbook has no sheet named "${r.sheet}".`,
  'damaged-workbook': ({ cell }) =>
    `This workbook is damaged${cell ? ` (row ${cell.row}, col ${cell.column})` : ''} and cannot be read. Save it again as .xlsx or as CSV and open that.`,
  xls: () => 'This is an old Excel file (.xls), which Sagsflow cannot read. Save it as .xlsx or as CSV and open that.',
  'not-xlsx': () => 'This file is not an Excel workbook (.xlsx) that can be read. Save it again as .xlsx or as CSV and open that.',
};

/** @example rejectionText({ code: 'repeats', otherLine: 3 }) // 'repeats line 3 (same measure, event and date)' */
export function rejectionText(reason: RowReason, values: ValueStyle = AS_WRITTEN): string {
  return say(ENGLISH_ROWS, reason, values);
}

/** @example refusalText({ code: 'no-sheets' }) // 'The workbook has no sheets.' */
export function refusalText(refusal: Refusal): string {
  return say(ENGLISH_REFUSALS, refusal, AS_WRITTEN);
}
