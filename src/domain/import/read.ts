import type { EventRecord, IsoDate, Rejection } from '../types.ts';
import { type ColumnMap, type Field, fieldNames, mapColumns, missingFields, REQUIRED_FIELDS } from './columns.ts';
import { cprColumns, isCpr, maskCpr } from './cpr.ts';
import { DATE_FORMATS, dateReader } from './dates.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { EVENT_NAMES, parseEvent } from './events.ts';
import { type Delimiter, NotATableError, readTable } from './table.ts';

/** What reading a file gives: every data row either read or rejected (SPEC §3.1 check 1). */
export interface ReadResult {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  header: string[];
  columns: ColumnMap;
  /** Data rows in the file (lines with no content are not rows). */
  total: number;
  records: EventRecord[];
  rejections: Rejection[];
  /** The latest date among rows whose date can be read (the default as-of, SPEC §4). */
  latestDate: IsoDate | null;
  /** Header names of columns dropped unread because they hold CPR numbers. */
  cprColumns: string[];
}

export { NotATableError };

/**
 * Reads an export's bytes or text into event records.
 * Throws NotATableError when the file is refused whole.
 *
 * @example readExport('case_id,measure_id,unit,event,date\nC1,M1,Amager,start,01-02-2025').records[0].date // '2025-02-01'
 */
export function readExport(input: Uint8Array | string, onProgress?: (fraction: number) => void): ReadResult {
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeText(input);
  onProgress?.(0.05);
  const table = readTable(text);
  onProgress?.(0.6);
  const { header } = table;
  const columns = mapColumns(header);
  const missing = missingFields(columns);
  if (missing.length > 0) {
    const names = missing.map((f) => `"${fieldNames(f)}"`).join(', ');
    const found = header.length ? header.map((h) => `"${maskCpr(h)}"`).join(', ') : 'none';
    throw new NotATableError(`The file lacks required columns: ${names}. Columns found: ${found}.`);
  }
  const cpr = cprColumns(table.rows, header.length, new Set(Object.values(columns)));
  for (const col of cpr) {
    const field = (Object.keys(columns) as Field[]).find((f) => columns[f] === col);
    if (field && REQUIRED_FIELDS.includes(field)) {
      throw new NotATableError(
        `The column "${header[col]}" holds CPR numbers. Sagsflow never reads CPR numbers: export pseudonymous ids instead.`,
      );
    }
    if (field) delete columns[field];
  }

  const rejections: Rejection[] = table.broken.map(({ line, reason }) => ({ line, reason, check: 1 }));
  const records: EventRecord[] = [];
  const date = dateReader();
  const text1 = interner();
  const col = (f: Field) => columns[f] ?? -1;
  const [iCase, iMeasure, iUnit, iWorker, iType, iEvent, iDate, iNext] = (
    ['case_id', 'measure_id', 'unit', 'caseworker', 'measure_type', 'event', 'date', 'next_due'] as const
  ).map(col) as [number, number, number, number, number, number, number, number];
  const name = (i: number) => `"${header[i]}"`;
  let latestDate: IsoDate | null = null;

  const required = [iCase, iMeasure, iUnit, iEvent, iDate];
  const event = memo(parseEvent);
  let index = 0;
  const every = Math.max(10_000, Math.ceil(table.rows.length / 40));
  for (let k = 0; k < table.rows.length; k++) {
    if (onProgress && k % every === 0) onProgress(0.6 + (0.4 * k) / table.rows.length);
    const { line, fields } = table.rows[k]!;
    const caseId = cell(fields, iCase);
    const measureId = cell(fields, iMeasure);
    const unit = cell(fields, iUnit);
    const eventRaw = cell(fields, iEvent);
    const dateRaw = cell(fields, iDate);
    const day = dateRaw === '' ? null : date(dateRaw);
    if (day !== null && (latestDate === null || day > latestDate)) latestDate = day;

    let reason: string | null = null;
    if (caseId === '' || measureId === '' || unit === '' || eventRaw === '' || dateRaw === '') {
      const empty = required.filter((i) => cell(fields, i) === '');
      reason = `${empty.length > 1 ? 'required columns' : 'required column'} ${empty.map(name).join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty`;
    } else if (mayBeCpr(caseId) || mayBeCpr(measureId) || mayBeCpr(unit) || mayBeCpr(eventRaw) || mayBeCpr(dateRaw)) {
      const secret = required.filter((i) => isCpr(cell(fields, i)));
      if (secret.length > 0) {
        reason = `${secret.length > 1 ? 'columns' : 'column'} ${secret.map(name).join(', ')} ${secret.length > 1 ? 'hold' : 'holds'} what looks like a CPR number (not shown); Sagsflow reads only pseudonymous ids`;
      }
    }
    const kind = reason === null ? event(eventRaw) : null;
    let nextDue: IsoDate | null = null;
    if (reason !== null) {
      // already rejected
    } else if (kind === null) {
      reason = `${quote(eventRaw)} in column ${name(iEvent)} is not a known event; use ${EVENT_NAMES}`;
    } else if (day === null) {
      reason = `${quote(dateRaw)} in column ${name(iDate)} is not a date; use ${DATE_FORMATS}`;
    } else {
      const nextRaw = cell(fields, iNext);
      if (nextRaw !== '') {
        nextDue = date(nextRaw);
        if (nextDue === null) reason = `${quote(nextRaw)} in column ${name(iNext)} is not a date; use ${DATE_FORMATS}`;
        else if (nextDue <= day) reason = `the next follow-up ${nextDue} in column ${name(iNext)} is not after the row's date ${day}`;
      }
    }
    if (reason !== null || kind === null || day === null) {
      rejections.push({ line, reason: reason ?? 'unreadable row', check: 1 });
      continue;
    }
    records.push({
      line,
      index: index++,
      caseId,
      measureId,
      unit: text1(unit),
      caseworker: text1(cell(fields, iWorker)),
      measureType: text1(cell(fields, iType)),
      event: kind,
      date: day,
      nextDue,
    });
  }
  rejections.sort((a, b) => a.line - b.line);
  return {
    encoding,
    delimiter: table.delimiter,
    header,
    columns,
    total: table.rows.length + table.broken.length,
    records,
    rejections,
    latestDate,
    cprColumns: cpr.map((i) => header[i] ?? `#${i + 1}`),
  };
}

/** The trimmed value of column `i` ('' when the column is absent or the row short). */
function cell(fields: readonly string[], i: number): string {
  if (i < 0) return '';
  const v = fields[i];
  return v === undefined ? '' : v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
}

/** Cheap pre-check before isCpr: a CPR number is 10 or 11 characters and starts with a digit. */
function mayBeCpr(v: string): boolean {
  return (v.length === 10 || v.length === 11) && v.charCodeAt(0) >= 48 && v.charCodeAt(0) <= 57;
}

/** Remembers a function of a string for the few distinct values a column has. */
function memo<T>(f: (value: string) => T): (value: string) => T {
  const seen = new Map<string, T>();
  return (value) => {
    let v = seen.get(value);
    if (v === undefined && !seen.has(value)) {
      v = f(value);
      if (seen.size < 10_000) seen.set(value, v);
    }
    return v as T;
  };
}

/** A value quoted for a message: CPR-like digits hidden, long values cut. */
function quote(value: string): string {
  const v = maskCpr(value);
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/**
 * Shares one string per distinct low-cardinality value (units, caseworkers,
 * types) and hides CPR-shaped text in them; a few hundred distinct values
 * in a million rows.
 */
function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let v = seen.get(value);
    if (v === undefined) {
      v = maskCpr(value);
      seen.set(value, v);
    }
    return v;
  };
}
