import { type Refusal, type Rejection, rejection, type RowReason } from '../reasons.ts';
import { dayNumber } from '../calendar.ts';
import type { EventRecord, IsoDate } from '../types.ts';
import { type ColumnMap, type Field, FIELDS, mapColumns, missingFields, REQUIRED_FIELDS } from './columns.ts';
import { cprColumns, holdsCpr, maskCpr, maskIds } from './cpr.ts';
import { type DateOrder, dateReader, detectDateOrder } from './dates.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { parseEvent } from './events.ts';
import { EVENTS, EventRowsBuilder, type EventRows, NO_DAY, recordsOf } from './rows.ts';
import { AmbiguousDatesError, MissingColumnsError } from './problems.ts';
import { sizeRefusal } from './size.ts';
import { type Delimiter, NotATableError, readTable, type SplitTable, type Table, type TableRow } from './table.ts';

/** What reading a file gives: every data row either read or rejected (SPEC §3.1 check 1). */
export interface ReadResult {
  /** How the file was read: text (CSV/TSV) or an already split table (a spreadsheet). */
  format: 'text' | 'sheet';
  /** The text's encoding; null for a spreadsheet. */
  encoding: TextEncodingName | null;
  /** The text's delimiter; null for a spreadsheet. */
  delimiter: Delimiter | null;
  header: string[];
  columns: ColumnMap;
  /** Data rows in the file (lines with no content are not rows). */
  total: number;
  /** The rows that passed check 1, as columns. */
  rows: EventRows;
  /** The same rows as objects, made when first read (for a caller that lists them). */
  readonly records: EventRecord[];
  rejections: Rejection[];
  /** The latest date among rows whose date can be read (the default as-of, SPEC §4). */
  latestDate: IsoDate | null;
  /** Header names of columns dropped unread because they hold CPR numbers. */
  cprColumns: string[];
  /** How day-month dates were read, and whether that was decided from the data. */
  dateOrder: DateOrder;
  dateOrderDetected: boolean;
  /** The header a person may see: CPR columns left out. */
  visibleHeader: string[];
  /**
   * A row's values as a person may see them (aligned with `visibleHeader`:
   * CPR columns left out, CPR-shaped text masked); null for a line that is
   * not a row or could not be split. For the rejections report.
   */
  rawFields(line: number): string[] | null;
}

/** Which column holds a field: its index, or its header name as written. */
export type ColumnChoice = Partial<Record<Field, number | string>>;

export interface ReadOptions {
  onProgress?: (fraction: number) => void;
  /**
   * The column per field, for fields the header does not name (a chosen or
   * remembered mapping); wins over the automatic match. A number is the
   * column's index, as the page chooses it: a header name may be masked
   * (a CPR number as a name) and two names may be the same. A string is a
   * header name as written.
   */
  columns?: ColumnChoice;
  /**
   * How to read DD-MM-YYYY-shaped dates: `dmy` (default, SPEC §3), `mdy`, or
   * `detect` from the data, refusing with AmbiguousDatesError when every
   * such date could be read both ways.
   */
  dateOrder?: DateOrder | 'detect';
}

export { NotATableError };
export { MAX_EXPORT_BYTES, megabytes, sizeRefusal } from './size.ts';

/**
 * Reads an export's bytes or text, or a table already split into fields
 * (a spreadsheet's sheet), into event records.
 * Throws NotATableError (or one of its kinds in problems.ts) when the file is refused whole.
 *
 * @example readExport('case_id,measure_id,unit,event,date\nC1,M1,Amager,start,01-02-2025').records[0].date // '2025-02-01'
 */
export function readExport(
  input: Uint8Array | string | SplitTable,
  opts: ReadOptions | ((fraction: number) => void) = {},
): ReadResult {
  const options: ReadOptions = typeof opts === 'function' ? { onProgress: opts } : opts;
  const onProgress = options.onProgress;
  const isText = typeof input === 'string' || input instanceof Uint8Array;
  if (isText) checkSize(typeof input === 'string' ? input.length : input.byteLength);
  const decoded = !isText ? null : typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeText(input);
  onProgress?.(0.05);
  const table: SplitTable & { delimiter?: Delimiter; broken?: Table['broken'] } = decoded ? readTable(decoded.text) : (input as SplitTable);
  onProgress?.(0.6);
  const { header } = table;
  const columns = mapColumns(header);
  for (const [field, choice] of Object.entries(options.columns ?? {}) as [Field, number | string][]) {
    const i = typeof choice === 'number' ? choice : header.indexOf(choice.trim());
    if (FIELDS.includes(field) && Number.isInteger(i) && i >= 0 && i < header.length) columns[field] = i;
  }
  const missing = missingFields(columns);
  if (missing.length > 0) throw new MissingColumnsError(missing, header.map(maskCpr), columnSamples(table.rows, header.length));
  // Header names as messages may show them: a CPR number as a name is masked like any value.
  const shown = header.map(maskCpr);
  const cpr = cprColumns(table.rows, header.length, new Set(Object.values(columns)));
  for (const col of cpr) {
    const field = (Object.keys(columns) as Field[]).find((f) => columns[f] === col);
    if (field && REQUIRED_FIELDS.includes(field)) throw new NotATableError({ code: 'cpr-column', column: shown[col]! });
    if (field) delete columns[field];
  }

  let dateOrder: DateOrder = 'dmy';
  let dateOrderDetected = false;
  if (options.dateOrder === 'detect') {
    const dateCols = [columns.date, columns.next_due].filter((c): c is number => c !== undefined);
    const found = detectDateOrder(valuesOf(table.rows, dateCols));
    if (found.order === 'ambiguous') throw new AmbiguousDatesError(found.samples);
    if (found.order !== 'none') [dateOrder, dateOrderDetected] = [found.order, true];
  } else if (options.dateOrder) {
    dateOrder = options.dateOrder;
  }

  const rejections: Rejection[] = (table.broken ?? []).map((line) => rejection(line, { code: 'broken-quote' }));
  const reject = (line: number, reason: RowReason) => rejections.push(rejection(line, reason));
  const date = dateReader(dateOrder);
  const built = new EventRowsBuilder(table.rows.length);
  // Dates repeat a few thousand values: each is read, and numbered, once.
  const dayOf = memo((raw: string) => {
    const iso = date(raw);
    return iso === null ? null : built.day(dayNumber(iso), iso);
  });
  // Units, caseworkers and types: composed (an å typed as a + ring on a Mac is the unit written with å) and CPR-shaped text hidden.
  const shownText = (value: string) => maskCpr(value.normalize('NFC'));
  // The one place ids come in: every view, download, picture and print gets them masked (cpr.ts).
  const caseIdOf = maskIds();
  const measureIdOf = maskIds();
  const col = (f: Field) => columns[f] ?? -1;
  const [iCase, iMeasure, iUnit, iWorker, iType, iEvent, iDate, iNext] = (
    ['case_id', 'measure_id', 'unit', 'caseworker', 'measure_type', 'event', 'date', 'next_due'] as const
  ).map(col) as [number, number, number, number, number, number, number, number];
  const name = (i: number) => shown[i]!;
  let latestDay: number | null = null;

  const required = [iCase, iMeasure, iUnit, iEvent, iDate];
  const event = memo((raw: string) => {
    const kind = parseEvent(raw);
    return kind === null ? null : EVENTS.indexOf(kind);
  });
  // Units, events and dates repeat a few values; ids are many.
  const fewHoldCpr = memo(holdsCpr);
  const cprIn = (i: number, v: string) => mayBeCpr(v) && (i === iCase || i === iMeasure ? holdsCpr(v) : fewHoldCpr(v));
  const every = Math.max(10_000, Math.ceil(table.rows.length / 40));
  for (let k = 0; k < table.rows.length; k++) {
    if (onProgress && k % every === 0) onProgress(0.6 + (0.4 * k) / table.rows.length);
    const { line, fields } = table.rows[k]!;
    const caseId = cell(fields, iCase);
    const measureId = cell(fields, iMeasure);
    const unit = cell(fields, iUnit);
    const eventRaw = cell(fields, iEvent);
    const dateRaw = cell(fields, iDate);
    const day = dateRaw === '' ? null : dayOf(dateRaw);
    if (day !== null && (latestDay === null || day > latestDay)) latestDay = day;

    if (caseId === '' || measureId === '' || unit === '' || eventRaw === '' || dateRaw === '') {
      reject(line, { code: 'empty', columns: required.filter((i) => cell(fields, i) === '').map(name) });
      continue;
    }
    if (cprIn(iCase, caseId) || cprIn(iMeasure, measureId) || cprIn(iUnit, unit) || cprIn(iEvent, eventRaw) || cprIn(iDate, dateRaw)) {
      reject(line, { code: 'cpr', columns: required.filter((i) => cprIn(i, cell(fields, i))).map(name) });
      continue;
    }
    const kind = event(eventRaw);
    if (kind === null) {
      reject(line, { code: 'not-an-event', column: name(iEvent), value: shownValue(eventRaw) });
      continue;
    }
    if (day === null) {
      reject(line, { code: 'not-a-date', column: name(iDate), value: shownValue(dateRaw) });
      continue;
    }
    const nextRaw = cell(fields, iNext);
    const nextDue = nextRaw === '' ? null : dayOf(nextRaw);
    if (nextRaw !== '' && nextDue === null) {
      reject(line, { code: 'not-a-date', column: name(iNext), value: shownValue(nextRaw) });
      continue;
    }
    if (nextDue !== null && nextDue <= day) {
      reject(line, { code: 'next-due-not-after', column: name(iNext), nextDue: built.iso(nextDue), date: built.iso(day) });
      continue;
    }
    built.push(
      line,
      caseIdOf(caseId),
      measureIdOf(measureId),
      built.textIndex(unit, shownText),
      built.textIndex(cell(fields, iWorker), shownText),
      built.textIndex(cell(fields, iType), shownText),
      kind,
      day,
      nextDue ?? NO_DAY,
    );
  }
  const rows = built.done();
  let records: EventRecord[] | null = null;
  rejections.sort((a, b) => a.line - b.line);
  const hidden = new Set(cpr);
  const visible = (fields: readonly string[]) => fields.filter((_, i) => !hidden.has(i));
  return {
    format: decoded ? 'text' : 'sheet',
    encoding: decoded?.encoding ?? null,
    delimiter: table.delimiter ?? null,
    header,
    columns,
    total: table.rows.length + (table.broken?.length ?? 0),
    rows,
    get records() {
      return (records ??= recordsOf(rows));
    },
    rejections,
    latestDate: latestDay === null ? null : built.iso(latestDay),
    cprColumns: cpr.map((i) => shown[i] ?? `#${i + 1}`),
    dateOrder,
    dateOrderDetected,
    visibleHeader: visible(shown),
    rawFields(line) {
      const row = rowAt(table.rows, line);
      return row ? visible(row.fields).map((f) => maskCpr(f.trim())) : null;
    },
  };
}

function checkSize(bytes: number): void {
  const refusal = sizeRefusal(bytes);
  if (refusal) throw new NotATableError(refusal);
}

/** The row that starts on `line` (rows are in line order), by binary search. */
function rowAt(rows: readonly TableRow[], line: number): TableRow | null {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = rows[mid]!.line;
    if (l === line) return rows[mid]!;
    if (l < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

function* valuesOf(rows: readonly TableRow[], cols: readonly number[]): Generator<string> {
  for (const { fields } of rows) for (const c of cols) if (fields[c]) yield fields[c];
}

/** Up to three distinct non-empty values per column, CPR-shaped text masked, for choosing columns. */
function columnSamples(rows: readonly TableRow[], width: number): string[][] {
  const samples = Array.from({ length: width }, () => new Set<string>());
  for (let k = 0; k < rows.length && k < 200; k++) {
    rows[k]!.fields.forEach((f, i) => {
      const v = f.trim();
      if (i < width && v !== '' && samples[i]!.size < 3) samples[i]!.add(maskCpr(v.length > 40 ? `${v.slice(0, 40)}…` : v));
    });
  }
  return samples.map((s) => [...s]);
}

/**
 * The trimmed value of column `i` ('' when the column is absent or the row
 * short). Spaces are those of String#trim (no-break spaces among them) and
 * the invisible zero-width ones, so "Amager" with a no-break space pasted
 * after it is still Amager.
 */
export function cell(fields: readonly string[], i: number): string {
  if (i < 0) return '';
  const v = fields[i];
  return v === undefined ? '' : v.length > 0 && (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1))) ? v.replace(EDGE_SPACES, '') : v;
}

const EDGE_SPACES = /^[\s\u200b-\u200d\u2060]+|[\s\u200b-\u200d\u2060]+$/g;
const EDGE_SPACE = /[\s\u200b-\u200d\u2060]/;

/** Whether a value's edge may need EDGE_SPACES (any control character is let through to it); most edges are ruled out by one comparison. */
function isSpace(c: number): boolean {
  return c <= 32 || (c >= 0xa0 && EDGE_SPACE.test(String.fromCharCode(c)));
}

/** Cheap pre-check before holdsCpr: a CPR number alone is 10 or 11 characters and starts with a digit; one among other text makes a longer value. */
function mayBeCpr(v: string): boolean {
  return v.length > 11 || ((v.length === 10 || v.length === 11) && v.charCodeAt(0) >= 48 && v.charCodeAt(0) <= 57);
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

/** A value as a reason may show it: CPR-like digits hidden, long values cut. */
function shownValue(value: string): string {
  const v = maskCpr(value);
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}
