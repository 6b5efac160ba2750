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
export function readExport(input: Uint8Array | string): ReadResult {
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeText(input);
  const table = readTable(text);
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

  let index = 0;
  for (const { line, fields } of table.rows) {
    const get = (i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
    const raw = { caseId: get(iCase), measureId: get(iMeasure), unit: get(iUnit), event: get(iEvent), date: get(iDate) };
    const day = raw.date === '' ? null : date(raw.date);
    if (day !== null && (latestDate === null || day > latestDate)) latestDate = day;
    const reject = (reason: string) => rejections.push({ line, reason, check: 1 });

    const empty = [iCase, iMeasure, iUnit, iEvent, iDate].filter((i) => get(i) === '');
    if (empty.length > 0) {
      reject(`${empty.length > 1 ? 'required columns' : 'required column'} ${empty.map(name).join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty`);
      continue;
    }
    const secret = [iCase, iMeasure, iUnit, iEvent, iDate].filter((i) => isCpr(get(i)));
    if (secret.length > 0) {
      reject(`${secret.length > 1 ? 'columns' : 'column'} ${secret.map(name).join(', ')} ${secret.length > 1 ? 'hold' : 'holds'} what looks like a CPR number (not shown); Sagsflow reads only pseudonymous ids`);
      continue;
    }
    const event = parseEvent(raw.event);
    if (event === null) {
      reject(`${quote(raw.event)} in column ${name(iEvent)} is not a known event; use ${EVENT_NAMES}`);
      continue;
    }
    if (day === null) {
      reject(`${quote(raw.date)} in column ${name(iDate)} is not a date; use ${DATE_FORMATS}`);
      continue;
    }
    const nextRaw = get(iNext);
    let nextDue: IsoDate | null = null;
    if (nextRaw !== '') {
      nextDue = date(nextRaw);
      if (nextDue === null) {
        reject(`${quote(nextRaw)} in column ${name(iNext)} is not a date; use ${DATE_FORMATS}`);
        continue;
      }
      if (nextDue <= day) {
        reject(`the next follow-up ${nextDue} in column ${name(iNext)} is not after the row's date ${day}`);
        continue;
      }
    }
    records.push({
      line,
      index: index++,
      caseId: raw.caseId,
      measureId: raw.measureId,
      unit: text1(raw.unit),
      caseworker: text1(get(iWorker)),
      measureType: text1(get(iType)),
      event,
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
