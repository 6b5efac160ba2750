import { type Refusal, type Rejection, rejection, type RowReason } from '../reasons.ts';
import { dayNumber } from '../calendar.ts';
import type { EventRecord, IsoDate } from '../types.ts';
import { type ColumnMap, type Field, FIELDS, mapColumns, missingFields, REQUIRED_FIELDS } from './columns.ts';
import { CprCount, holdsCpr, maskCpr, maskIds } from './cpr.ts';
import { type DateOrder, dateReader, detectDateOrderCounted } from './dates.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { parseEvent } from './events.ts';
import { EVENTS, EventRowsBuilder, type EventRows, NO_DAY, recordsOf } from './rows.ts';
import { AmbiguousDatesError, MissingColumnsError } from './problems.ts';
import { sizeRefusal } from './size.ts';
import { type Delimiter, NotATableError, type RowVisitor, splitLine, type SplitTable, streamTable, type TableRow } from './table.ts';

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
  let options: ReadOptions = typeof opts === 'function' ? { onProgress: opts } : opts;
  const isText = typeof input === 'string' || input instanceof Uint8Array;
  if (isText) checkSize(typeof input === 'string' ? input.length : input.byteLength);
  const decoded = !isText ? null : typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeText(input);
  // A second pass (a column of CPR numbers left out) does not take the bar back.
  let reported = 0;
  const onProgress = options.onProgress;
  if (onProgress) options = { ...options, onProgress: (f) => f > reported && onProgress((reported = f)) };
  options.onProgress?.(0.05);
  const source: Source = decoded ? { kind: 'text', text: decoded.text } : { kind: 'sheet', table: input as SplitTable };
  return finish(scan(source, options, null), options, decoded?.encoding ?? null);
}

type Source = { kind: 'text'; text: string } | { kind: 'sheet'; table: SplitTable };

/** Rows per progress report and per look at the clock: a few milliseconds of work. */
const PROGRESS_EVERY = 10_000;

/**
 * What one pass over the rows gathers: the rows that passed check 1 but
 * for their dates, with ids, texts and dates as indices into what was
 * written (dates are read once the file's date order is known).
 */
interface Scanned {
  header: string[];
  shown: string[];
  columns: ColumnMap;
  delimiter: Delimiter | null;
  /** The lines whose quotes are broken. */
  broken: number[];
  /** Rows that passed check 1 but for their dates: `date` and `nextDue` index `dates` (NO_DAY: none). */
  pending: EventRows;
  /** Every distinct date text of the date and next-due columns, how often each comes, and whether it comes in the date column. */
  dates: string[];
  dateCounts: number[];
  inDateColumn: Uint8Array;
  cpr: number[];
  rejections: Rejection[];
  /** Where each data row stands (blank lines are not rows), `count` of them: its line, and for a text its place in `text`. */
  place: { lines: Int32Array; starts: Int32Array; ends: Int32Array; count: number };
  text: string | null;
  sheet: SplitTable | null;
}

/**
 * One pass over the rows (SPEC §3.1 check 1 but for the dates). A column
 * of CPR numbers is found on the way; when it is a field that is read but
 * may be left out, the file is read again without it (`knownCpr`).
 */
function scan(source: Source, options: ReadOptions, knownCpr: number[] | null): Scanned {
  const onProgress = options.onProgress;
  const capacity = source.kind === 'text' ? lineCount(source.text) : source.table.rows.length;
  const pending = new EventRowsBuilder(capacity);
  const place = { lines: new Int32Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity), count: 0 };
  const rejections: Rejection[] = [];
  const reject = (line: number, reason: RowReason) => rejections.push(rejection(line, reason));
  const dateIndex = new Map<string, number>();
  const dates: string[] = [];
  const dateCounts: number[] = [];
  const inDate: number[] = [];
  const dateKey = (raw: string, inDateColumn: boolean): number => {
    let j = dateIndex.get(raw);
    if (j === undefined) {
      dateIndex.set(raw, (j = dates.push(raw) - 1));
      dateCounts.push(0);
      inDate.push(0);
    }
    dateCounts[j]!++;
    if (inDateColumn) inDate[j] = 1;
    return j;
  };
  const same = (value: string) => value;
  const event = memo((raw: string) => {
    const kind = parseEvent(raw);
    return kind === null ? null : EVENTS.indexOf(kind);
  });
  // Units, events and dates repeat a few values; ids are many.
  const fewHoldCpr = memo(holdsCpr);

  let header: string[] = [];
  let shown: string[] = [];
  let columns: ColumnMap = {};
  let cprCount = new CprCount(0);
  let missing: MissingColumnsError | null = null;
  const samples: TableRow[] = [];
  let [iCase, iMeasure, iUnit, iWorker, iType, iEvent, iDate, iNext] = [-1, -1, -1, -1, -1, -1, -1, -1];
  let required: number[] = [];
  const name = (i: number) => shown[i]!;
  const cprIn = (i: number, v: string) => mayBeCpr(v) && (i === iCase || i === iMeasure ? holdsCpr(v) : fewHoldCpr(v));
  const done = (p: number, end: number) => (source.kind === 'text' ? end / Math.max(1, source.text.length) : p / Math.max(1, capacity));

  const visit: RowVisitor = {
    header(fields) {
      header = fields;
      columns = mapColumns(header);
      for (const [field, choice] of Object.entries(options.columns ?? {}) as [Field, number | string][]) {
        const i = typeof choice === 'number' ? choice : header.indexOf(choice.trim());
        if (FIELDS.includes(field) && Number.isInteger(i) && i >= 0 && i < header.length) columns[field] = i;
      }
      // Header names as messages may show them: a CPR number as a name is masked like any value.
      shown = header.map(maskCpr);
      const absent = missingFields(columns);
      if (absent.length > 0) missing = new MissingColumnsError(absent, shown, []);
      for (const col of knownCpr ?? []) {
        const field = fieldAt(columns, col);
        if (field) delete columns[field];
      }
      cprCount = new CprCount(header.length);
      const col = (f: Field) => columns[f] ?? -1;
      [iCase, iMeasure, iUnit, iWorker, iType, iEvent, iDate, iNext] = (
        ['case_id', 'measure_id', 'unit', 'caseworker', 'measure_type', 'event', 'date', 'next_due'] as const
      ).map(col) as [number, number, number, number, number, number, number, number];
      required = [iCase, iMeasure, iUnit, iEvent, iDate];
    },
    row(line, fields, start, end) {
      if (missing) {
        // Samples for choosing the columns, then no further.
        samples.push({ line, fields });
        if (samples.length >= SAMPLE_ROWS) throw withSamples(missing, samples);
        return;
      }
      const p = place.count++;
      place.lines[p] = line;
      place.starts[p] = start;
      place.ends[p] = end;
      if (onProgress && p % PROGRESS_EVERY === 0) onProgress(0.05 + 0.9 * done(p, end));
      cprCount.add(fields);
      const caseId = cell(fields, iCase);
      const measureId = cell(fields, iMeasure);
      const unit = cell(fields, iUnit);
      const eventRaw = cell(fields, iEvent);
      const dateRaw = cell(fields, iDate);
      const day = dateRaw === '' ? NO_DAY : dateKey(dateRaw, true);
      const nextRaw = cell(fields, iNext);
      const next = nextRaw === '' ? NO_DAY : dateKey(nextRaw, false);

      if (caseId === '' || measureId === '' || unit === '' || eventRaw === '' || dateRaw === '') {
        reject(line, { code: 'empty', columns: required.filter((i) => cell(fields, i) === '').map(name) });
        return;
      }
      if (cprIn(iCase, caseId) || cprIn(iMeasure, measureId) || cprIn(iUnit, unit) || cprIn(iEvent, eventRaw) || cprIn(iDate, dateRaw)) {
        reject(line, { code: 'cpr', columns: required.filter((i) => cprIn(i, cell(fields, i))).map(name) });
        return;
      }
      const kind = event(eventRaw);
      if (kind === null) {
        reject(line, { code: 'not-an-event', column: name(iEvent), value: shownValue(eventRaw) });
        return;
      }
      pending.pushIndexed(
        line,
        pending.caseIndex(caseId),
        pending.measureIndex(measureId),
        pending.textIndex(unit, same),
        pending.textIndex(cell(fields, iWorker), same),
        pending.textIndex(cell(fields, iType), same),
        kind,
        day,
        next,
      );
    },
  };

  let delimiter: Delimiter | null = null;
  let broken: number[] = [];
  let text: string | null = null;
  if (source.kind === 'text') {
    const table = streamTable(source.text, visit);
    [delimiter, broken, text] = [table.delimiter, table.broken, table.text];
  } else {
    visit.header!(source.table.header, source.table.headerLine);
    for (const { line, fields } of source.table.rows) visit.row(line, fields, -1, -1);
  }
  if (missing) throw withSamples(missing, samples);

  const cpr = knownCpr ?? cprCount.columns(new Set(Object.values(columns)));
  if (knownCpr === null) {
    const required = cpr.find((col) => REQUIRED_FIELDS.includes(fieldAt(columns, col)!));
    if (required !== undefined) throw new NotATableError({ code: 'cpr-column', column: shown[required]! });
    // A field read from a column of CPR numbers is left out, and every row read again without it.
    if (cpr.some((col) => fieldAt(columns, col) !== undefined)) return scan(source, options, cpr);
  }
  return {
    header,
    shown,
    columns,
    delimiter,
    broken,
    pending: pending.done(),
    dates,
    dateCounts,
    inDateColumn: Uint8Array.from(inDate),
    cpr,
    rejections,
    place,
    text,
    sheet: source.kind === 'sheet' ? source.table : null,
  };
}

/** The field read from column `col`, if any. */
function fieldAt(columns: ColumnMap, col: number): Field | undefined {
  return (Object.keys(columns) as Field[]).find((f) => columns[f] === col);
}

/** Rows of a file whose columns are not all found that are looked at for samples. */
const SAMPLE_ROWS = 200;

function withSamples(error: MissingColumnsError, rows: readonly TableRow[]): MissingColumnsError {
  return new MissingColumnsError(error.missing, error.header, columnSamples(rows, error.header.length));
}

/** A day number that is not a day: a date text that cannot be read. */
const NOT_A_DAY = NO_DAY + 1;

/** The dates read once the date order is known, the checks of check 1 on them, and the rows as they are kept. */
function finish(s: Scanned, options: ReadOptions, encoding: TextEncodingName | null): ReadResult {
  let dateOrder: DateOrder = 'dmy';
  let dateOrderDetected = false;
  if (options.dateOrder === 'detect') {
    const found = detectDateOrderCounted(s.dates.map((d, j) => [d, s.dateCounts[j]!] as const));
    if (found.order === 'ambiguous') throw new AmbiguousDatesError(found.samples);
    if (found.order !== 'none') [dateOrder, dateOrderDetected] = [found.order, true];
  } else if (options.dateOrder) {
    dateOrder = options.dateOrder;
  }

  const { pending, shown, columns } = s;
  const built = new EventRowsBuilder(pending.length);
  const date = dateReader(dateOrder);
  const dayOf = new Int32Array(s.dates.length);
  let latestDay: number | null = null;
  for (let j = 0; j < s.dates.length; j++) {
    const iso = date(s.dates[j]!);
    dayOf[j] = iso === null ? NOT_A_DAY : built.day(dayNumber(iso), iso);
    if (iso !== null && s.inDateColumn[j] === 1 && (latestDay === null || dayOf[j]! > latestDay)) latestDay = dayOf[j]!;
  }

  const rejections = s.rejections;
  const reject = (line: number, reason: RowReason) => rejections.push(rejection(line, reason));
  const name = (field: Field) => shown[columns[field]!]!;
  // Units, caseworkers and types: composed (an å typed as a + ring on a Mac is the unit written with å) and CPR-shaped text hidden.
  const shownText = (value: string) => maskCpr(value.normalize('NFC'));
  // The one place ids come in: every view, download, picture and print gets them masked (cpr.ts), numbered as the kept rows first hold them.
  const caseIdOf = maskIds();
  const measureIdOf = maskIds();
  const caseAt = new Int32Array(pending.caseIds.length).fill(-1);
  const measureAt = new Int32Array(pending.measureIds.length).fill(-1);
  const textAt = new Int32Array(pending.texts.length).fill(-1);
  const text = (t: number) => (textAt[t] !== -1 ? textAt[t]! : (textAt[t] = built.textIndex(pending.texts[t]!, shownText)));
  for (let k = 0; k < pending.length; k++) {
    const line = pending.line[k]!;
    const day = dayOf[pending.date[k]!]!;
    if (day === NOT_A_DAY) {
      reject(line, { code: 'not-a-date', column: name('date'), value: shownValue(s.dates[pending.date[k]!]!) });
      continue;
    }
    const nextKey = pending.nextDue[k]!;
    const nextDue = nextKey === NO_DAY ? NO_DAY : dayOf[nextKey]!;
    if (nextDue === NOT_A_DAY) {
      reject(line, { code: 'not-a-date', column: name('next_due'), value: shownValue(s.dates[nextKey]!) });
      continue;
    }
    if (nextDue !== NO_DAY && nextDue <= day) {
      reject(line, { code: 'next-due-not-after', column: name('next_due'), nextDue: built.iso(nextDue), date: built.iso(day) });
      continue;
    }
    const c = pending.caseId[k]!;
    const m = pending.measureId[k]!;
    // Distinct raw ids stay distinct masked (maskIds), so each is new to `built`.
    if (caseAt[c] === -1) caseAt[c] = built.newCase(caseIdOf(pending.caseIds[c]!));
    if (measureAt[m] === -1) measureAt[m] = built.newMeasure(measureIdOf(pending.measureIds[m]!));
    built.pushIndexed(line, caseAt[c]!, measureAt[m]!, text(pending.unit[k]!), text(pending.caseworker[k]!), text(pending.measureType[k]!), pending.event[k]!, day, nextDue);
  }
  options.onProgress?.(1);

  const rows = built.done();
  let records: EventRecord[] | null = null;
  const all = [...s.broken.map((line) => rejection(line, { code: 'broken-quote' })), ...rejections].sort((a, b) => a.line - b.line);
  const hidden = new Set(s.cpr);
  const visible = (fields: readonly string[]) => fields.filter((_, i) => !hidden.has(i));
  return {
    format: s.sheet ? 'sheet' : 'text',
    encoding,
    delimiter: s.delimiter,
    header: s.header,
    columns,
    total: s.place.count + s.broken.length,
    rows,
    get records() {
      return (records ??= recordsOf(rows));
    },
    rejections: all,
    latestDate: latestDay === null ? null : built.iso(latestDay),
    cprColumns: s.cpr.map((i) => shown[i] ?? `#${i + 1}`),
    dateOrder,
    dateOrderDetected,
    visibleHeader: visible(shown),
    rawFields(line) {
      const fields = fieldsOf(s, line);
      return fields ? visible(fields).map((f) => maskCpr(f.trim())) : null;
    },
  };
}

/**
 * The fields of the data row that starts on `line`, or null: a sheet's row
 * as it was given, a text's split again from its place (the rows are not
 * kept). Rows are in line order, so the line is found by binary search.
 */
function fieldsOf(s: Scanned, line: number): string[] | null {
  const { lines, starts, ends, count } = s.place;
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lines[mid]!;
    if (l === line) {
      if (s.sheet) return s.sheet.rows[mid]!.fields;
      const row = s.text!.slice(starts[mid]!, ends[mid]!);
      return splitLine(row.endsWith('\r\n') ? row.slice(0, -2) : row.endsWith('\n') ? row.slice(0, -1) : row, s.delimiter ?? ',') ?? [];
    }
    if (l < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Lines in a text (an upper bound of its rows): its line breaks, a CRLF one, plus one. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

function checkSize(bytes: number): void {
  const refusal = sizeRefusal(bytes);
  if (refusal) throw new NotATableError(refusal);
}

/** Up to three distinct non-empty values per column, CPR-shaped text masked, for choosing columns. */
function columnSamples(rows: readonly TableRow[], width: number): string[][] {
  const samples = Array.from({ length: width }, () => new Set<string>());
  for (let k = 0; k < rows.length && k < SAMPLE_ROWS; k++) {
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
