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
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) {
    throw new NotATableError({ code: 'binary' });
  }
  // Papa Parse splits on one kind of line break; a file with several (CRLF
  // lines with an LF line appended) would run lines together into one row.
  if (text.includes('\r') && !onlyCrlf(text)) text = text.replace(/\r\n?/g, '\n');
  const delimiter = guessDelimiter(text);
  const table: Table = { delimiter, header: [], headerLine: 0, rows: [], broken: [] };
  readInto(table, text);
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
 * Reads `text` into `table` until a row whose quotes are broken: a quoted
 * field never closed, or one closed only lines further down by what is
 * plainly another field's quote (Papa Parse's InvalidQuotes on a row that
 * spans lines). That row is rejected and the rest is read line by line.
 */
function readInto(table: Table, text: string): void {
  const result = Papa.parse<string[]>(text, { delimiter: table.delimiter, skipEmptyLines: false });
  const linebreak = result.meta.linebreak || '\n';
  const hasQuotes = text.includes('"');
  const unclosed = new Set(result.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
  const malformed = new Set(result.errors.filter((e) => e.code === 'InvalidQuotes').map((e) => e.row));
  let line = 1;
  for (let i = 0; i < result.data.length; i++) {
    const fields = result.data[i]!;
    const start = line;
    if (hasQuotes) for (const field of fields) line += count(field, linebreak);
    line += 1;
    if (unclosed.has(i) || (malformed.has(i) && line - start > 1)) {
      addBroken(table, start);
      readLines(table, textAfterLine(text, start, linebreak), start + 1, linebreak);
      return;
    }
    addRow(table, start, fields);
  }
}

/**
 * Reads the text after a broken quote one line at a time: a quote that no
 * later quote closed means no quoted field further down closes either, so
 * no row there spans lines, and each line costs only itself (a file of
 * stray quotes is read in linear time).
 */
function readLines(table: Table, text: string | null, firstLine: number, linebreak: string): void {
  if (text === null) return;
  const lines = text.split(linebreak);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (!l.includes('"')) {
      addRow(table, firstLine + k, l.split(table.delimiter));
      continue;
    }
    const result = Papa.parse<string[]>(l, { delimiter: table.delimiter });
    if (result.errors.some((e) => e.code === 'MissingQuotes')) addBroken(table, firstLine + k);
    else addRow(table, firstLine + k, result.data[0] ?? []);
  }
}

/** The first line with content is the header; the others are rows. */
function addRow(table: Table, line: number, fields: string[]): void {
  if (isBlank(fields)) return;
  if (table.headerLine === 0) {
    table.header = fields.map((f) => f.trim());
    table.headerLine = line;
  } else {
    table.rows.push({ line, fields });
  }
}

/** A row whose quotes are broken is rejected; a header whose quotes are broken refuses the file. */
function addBroken(table: Table, line: number): void {
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

/** The text after the first `lines` lines, or null when there is none. */
function textAfterLine(text: string, lines: number, linebreak: string): string | null {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const next = text.indexOf(linebreak, at);
    if (next === -1) return null;
    at = next + linebreak.length;
  }
  return at < text.length ? text.slice(at) : null;
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
