import Papa from 'papaparse';
import { type Refusal, refusalText } from '../reasons.ts';

/*
 * Reads delimited text into rows that know the line they start on
 * (SPEC §3.1: the header is line 1; a quoted line break keeps the row one
 * row, numbered by its first line; a line with no content is not a row).
 * Parsing itself is Papa Parse's; this module only numbers and sorts out.
 */

export type Delimiter = ',' | ';' | '\t';

export interface TableRow {
  line: number;
  fields: string[];
}

/** A table already split into fields (a spreadsheet's sheet); line numbers are its row numbers. */
export interface SplitTable {
  /** The header's fields, trimmed; `headerLine` is where it stands. */
  header: string[];
  headerLine: number;
  rows: TableRow[];
}

export interface Table extends SplitTable {
  delimiter: Delimiter;
  /** Lines of rows that could not be split into fields (an unclosed quote). */
  broken: number[];
}

/** The file is refused whole; `refusal` says why, the message in English. */
export class NotATableError extends Error {
  override name = 'NotATableError';
  constructor(readonly refusal: Refusal) {
    super(refusalText(refusal));
  }
}

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/**
 * @example readTable('a;b\r\n1;2\r\n').rows // [{ line: 2, fields: ['1', '2'] }]
 */
export function readTable(text: string): Table {
  const rows: TableRow[] = [];
  const table = streamTable(text, { row: (line, fields) => void rows.push({ line, fields }) });
  return { ...table, rows };
}

/** What `streamTable` hands each data row to, after the header. */
export interface RowVisitor {
  /** The header's fields, trimmed, before any row. */
  header?(fields: string[], line: number): void;
  /** A data row: the line it starts on, its fields, and where it stands in `StreamedTable.text`, [start, end). */
  row(line: number, fields: string[], start: number, end: number): void;
}

/** A table read row by row: everything but the rows, which went to the visitor. */
export interface StreamedTable extends Omit<Table, 'rows'> {
  /** The text the rows' places are in (without a byte order mark, line breaks made one kind). */
  text: string;
}

/**
 * readTable without keeping the rows: each goes to `visit` as it is read,
 * so a reader that keeps only what it needs of a row lets the rest go at
 * once (a million rows of string arrays held at the same time cost their
 * reader a third of its time in the garbage collector).
 */
export function streamTable(text: string, visit: RowVisitor): StreamedTable {
  // Every byte order mark in front: Papa Parse would take off one more, and the rows' places would be off by it.
  let marks = 0;
  while (text.charCodeAt(marks) === 0xfeff) marks++;
  if (marks > 0) text = text.slice(marks);
  if (looksBinary(text)) {
    throw new NotATableError({ code: 'binary' });
  }
  // Papa Parse splits on one kind of line break; a file with several (CRLF
  // lines with an LF line appended) would run lines together into one row.
  if (text.includes('\r') && !onlyCrlf(text)) text = text.replace(/\r\n?/g, '\n');
  const delimiter = guessDelimiter(text);
  const table: StreamedTable = { delimiter, header: [], headerLine: 0, broken: [], text };
  readInto(table, text, visit);
  if (table.headerLine === 0) throw new NotATableError({ code: 'empty-file' });
  return table;
}

/** Whether every line break of `text` is CRLF (a scan by indexOf, faster on 70 MB than a regular expression). */
function onlyCrlf(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) return false;
  return true;
}

/**
 * Reads `text` until a row whose quotes are broken: a quoted field never
 * closed, or one closed only lines further down by what is plainly another
 * field's quote (Papa Parse's InvalidQuotes on a row that spans lines).
 * That row is rejected and the rest is read line by line.
 */
function readInto(table: StreamedTable, text: string, visit: RowVisitor): void {
  const hasQuotes = text.includes('"');
  let line = 1;
  let start = 0;
  let brokenAt = 0;
  let linebreak = '\n';
  Papa.parse<string[]>(text, {
    delimiter: table.delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const fields = result.data;
      linebreak = result.meta.linebreak || '\n';
      const first = line;
      if (hasQuotes) for (const field of fields) line += count(field, linebreak);
      line += 1;
      const broken = result.errors.some((e) => e.code === 'MissingQuotes' || (e.code === 'InvalidQuotes' && line - first > 1));
      if (broken) {
        brokenAt = first;
        parser.abort();
        return;
      }
      addRow(table, visit, first, fields, start, result.meta.cursor);
      start = result.meta.cursor;
    },
  });
  if (brokenAt === 0) return;
  addBroken(table, brokenAt);
  const after = offsetAfterLine(text, brokenAt, linebreak);
  if (after !== -1) readLines(table, visit, text, after, brokenAt + 1, linebreak);
}

/**
 * Reads the text from `offset` one line at a time: a quote that no later
 * quote closed means no quoted field further down closes either, so no
 * row there spans lines, and each line costs only itself (a file of stray
 * quotes is read in linear time).
 */
function readLines(table: StreamedTable, visit: RowVisitor, text: string, offset: number, firstLine: number, linebreak: string): void {
  const lines = text.slice(offset).split(linebreak);
  let start = offset;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const end = Math.min(text.length, start + l.length + linebreak.length);
    const fields = splitLine(l, table.delimiter);
    if (fields === null) addBroken(table, firstLine + k);
    else addRow(table, visit, firstLine + k, fields, start, end);
    start = end;
  }
}

/**
 * One row's fields from its text alone (no line break at its end), as Papa
 * Parse splits it among others; null when a quote in it is never closed.
 * Without a quote it is split at the delimiter, as Papa Parse does then;
 * with one, Papa Parse gets a byte order mark in front to take off (it
 * takes one off any text it starts on, and a row's own is the row's).
 */
export function splitLine(row: string, delimiter: Delimiter): string[] | null {
  if (!row.includes('"')) return row.split(delimiter);
  const result = Papa.parse<string[]>(`\ufeff${row}`, { delimiter });
  return result.errors.some((e) => e.code === 'MissingQuotes') ? null : (result.data[0] ?? []);
}

/** The first line with content is the header; the others are rows. */
function addRow(table: StreamedTable, visit: RowVisitor, line: number, fields: string[], start: number, end: number): void {
  if (isBlank(fields)) return;
  if (table.headerLine === 0) {
    table.header = fields.map((f) => f.trim());
    table.headerLine = line;
    visit.header?.(table.header, line);
  } else {
    visit.row(line, fields, start, end);
  }
}

/** A row whose quotes are broken is rejected; a header whose quotes are broken refuses the file. */
function addBroken(table: StreamedTable, line: number): void {
  if (table.headerLine === 0) throw new NotATableError({ code: 'header-quote', line });
  table.broken.push(line);
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

function count(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Where the text after the first `lines` lines starts, or -1 when there is none. */
function offsetAfterLine(text: string, lines: number, linebreak: string): number {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const next = text.indexOf(linebreak, at);
    if (next === -1) return -1;
    at = next + linebreak.length;
  }
  return at < text.length ? at : -1;
}

/** Picks the delimiter that splits the header line into the most fields. */
function guessDelimiter(text: string): Delimiter {
  const firstLine = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
    else if (c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
