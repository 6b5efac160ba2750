import Papa from 'papaparse';
import { figuresOf, UnreadableExportError, type Figures } from '../../src/domain/analyze.ts';
import { addMonths } from '../../src/domain/calendar.ts';
import { formulaSafeCsv } from '../../src/domain/export/csv.ts';
import { rejectionsCsv } from '../../src/domain/import/report.ts';
import { createRng, exportText, generateRows, VARIANT_NAMES, VARIANTS, type GeneratedRow, type Rng } from '../../src/domain/generate/index.ts';
import { encodeText } from '../../src/cli/encode.ts';

/*
 * Hostile exports through the domain, as the command line's `analyze` and
 * the app's worker take them (`figuresOf`, the same `deriveExport`), and the
 * CSV files the app writes from the result through its own writers. Each
 * export is made from one seed: a generated export (src/domain/generate),
 * its values planted with CPR numbers and formula-like text, then, often,
 * its bytes mutated. A failure names the seed that makes its export again
 * (`npm run fuzz -- --seed-of-export N`).
 *
 * The checks, each by name (a run can leave some out, `skip`):
 * - crash: nothing is thrown but a refusal of the whole file;
 * - rows: accepted + rejected = total, each rejection once, and, when only
 *   values were planted (the rows stand as generated), total = rows written;
 * - windows: every obligation lies in its window (the first due `first`
 *   months after the start, projected ones `interval` months after the last,
 *   done on time at most on the due date, overdue before the as-of date …);
 * - cpr: no planted CPR number in the analysis, the refusal, or any CSV;
 * - cpr-in-id: the same for CPR numbers inside a longer id (`Barn 0101901234`,
 *   `C0101901234`, `0101901234-1`) or spelt with a space, an en dash or a
 *   non-breaking hyphen (`010190 1234`);
 * - formula: no CSV cell starts with = + - @ tab or CR unless neutralised;
 * - formula-after-line-break: the same for a formula followed by a line break.
 */

export type Check = 'crash' | 'rows' | 'windows' | 'cpr' | 'cpr-in-id' | 'formula' | 'formula-after-line-break';
export const CHECKS: readonly Check[] = ['crash', 'rows', 'windows', 'cpr', 'cpr-in-id', 'formula', 'formula-after-line-break'];

export interface Failure {
  /** The seed of the one export: `fuzzExport(seed)` makes it again. */
  seed: number;
  check: Check;
  message: string;
}

export interface FuzzFigures {
  exports: number;
  /** Exports refused whole (not a table, no header …): a refusal is an answer, not a failure. */
  refused: number;
  rows: number;
  accepted: number;
  rejected: number;
  ms: number;
  failures: Failure[];
}

export interface FuzzOptions {
  /** The run's seed; export i has the seed `exportSeed(seed, i)`. */
  seed: number;
  exports: number;
  /** Checks left out (their plants are left out too). */
  skip?: ReadonlySet<Check>;
  /** Called after each export, for progress. */
  onExport?: (done: number) => void;
}

/** A value planted in an export, and the check its leaking breaks. */
interface Plant {
  text: string;
  check: Check;
  /** For a CPR number: its ten digits. */
  digits?: string;
}

/** One export as the fuzzer made it. */
export interface FuzzExport {
  bytes: Uint8Array;
  /** Rows written, when the rows stand as generated (only values planted); null when bytes were mutated. */
  rows: number | null;
  plants: Plant[];
}

const FORMULAS: readonly string[] = ['=HYPERLINK("http://example.org/x","klik")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '=cmd|\' /C calc\'!A0'];
const FORMULAS_WITH_BREAK: readonly string[] = ['=HYPERLINK("http://example.org/x","klik")\nnoget', '+1+1\r\nx', '@SUM(A1)\ry', '-1\n-2'];
const DASHED = /\d{6}-\d{4}/;
const FIELDS = ['caseId', 'measureId', 'unit', 'caseworker', 'measureType', 'note'] as const;

export function exportSeed(runSeed: number, index: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/** Ten digits that are a CPR number: a real day and month, any year and serial. */
function cprDigits(rng: Rng): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(rng.int(1, 28))}${two(rng.int(1, 12))}${two(rng.int(0, 99))}${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** A CPR number written as a value: alone (the reader's check today), or inside an id or with another separator. */
function cprPlant(rng: Rng, skip: ReadonlySet<Check>): Plant {
  const digits = cprDigits(rng);
  const [head, tail] = [digits.slice(0, 6), digits.slice(6)];
  const alone = [`${head}-${tail}`, digits, `sag ${head}-${tail}`, `Barn ${head}-${tail}`];
  const inside = [`Barn ${digits}`, `C${digits}`, `${digits}-1`, `${head} ${tail}`, `${head}\u2013${tail}`, `${head}\u2011${tail}`, `x ${head}\u2013${tail}`];
  const pending = !skip.has('cpr-in-id') && rng.chance(0.5);
  return { text: rng.pick(pending ? inside : alone), check: pending ? 'cpr-in-id' : 'cpr', digits };
}

function formulaPlant(rng: Rng, skip: ReadonlySet<Check>): Plant {
  const broken = !skip.has('formula-after-line-break') && rng.chance(0.4);
  return { text: rng.pick(broken ? FORMULAS_WITH_BREAK : FORMULAS), check: broken ? 'formula-after-line-break' : 'formula' };
}

/** Plants values into some rows' fields; the rows stay rows. */
function plantValues(rows: GeneratedRow[], rng: Rng, skip: ReadonlySet<Check>): Plant[] {
  const plants: Plant[] = [];
  // Fields already planted: a second plant replaces, never extends, one (or a lone CPR number would become one inside an id).
  const planted = new Set<string>();
  const count = rng.int(0, Math.min(12, rows.length));
  for (let k = 0; k < count; k++) {
    const row = rows[rng.int(0, rows.length - 1)]!;
    const field = rng.pick(FIELDS);
    const plant = rng.chance(0.5) ? cprPlant(rng, skip) : formulaPlant(rng, skip);
    // A plant in an id or a unit goes to every row of its measure, as a real column mix-up would.
    const same = field === 'note' ? [row] : rows.filter((r) => r.caseId === row.caseId && r.measureId === row.measureId);
    const append = rng.chance(0.3) && !same.some((r) => planted.has(`${rows.indexOf(r)} ${field}`));
    for (const r of same) {
      r[field] = append ? `${r[field]} ${plant.text}` : plant.text;
      planted.add(`${rows.indexOf(r)} ${field}`);
    }
    // Ten digits after an id are a CPR number inside a longer id; a dashed one is caught there today.
    if (append && plant.check === 'cpr' && !DASHED.test(plant.text)) plants.push({ ...plant, check: 'cpr-in-id' });
    else plants.push(plant);
  }
  return plants;
}

/** Renames one header field to a CPR number (a header a person cannot be shown). */
function plantHeader(text: string, delimiter: string, rng: Rng, skip: ReadonlySet<Check>): { text: string; plant: Plant } {
  const plant = cprPlant(rng, skip);
  const end = text.indexOf('\n');
  const header = text.slice(0, end).split(delimiter);
  header[rng.int(0, header.length - 1)] = plant.text.includes(delimiter) || plant.text.includes('"') ? `"${plant.text}"` : plant.text;
  return { text: header.join(delimiter) + text.slice(end), plant };
}

/** `bytes` with `remove` bytes at `at` replaced by `insert`. */
function splice(bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number> = []): Uint8Array {
  const end = Math.min(bytes.length, at + remove);
  const out = new Uint8Array(bytes.length - (end - at) + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(end), at + insert.length);
  return out;
}

/** Mutations of the file's bytes: flips, stray quotes, delimiters, line breaks, lost and repeated stretches, a huge field, bytes that are not UTF-8. */
function mutateBytes(bytes: Uint8Array, rng: Rng): Uint8Array {
  let b = bytes;
  const n = rng.int(1, 6);
  for (let k = 0; k < n && b.length > 0; k++) {
    const at = rng.int(0, b.length - 1);
    switch (rng.int(0, 7)) {
      case 0:
        b = splice(b, at, 1, [rng.int(0, 255)]);
        break;
      case 1:
        b = splice(b, at, 0, [0x22]);
        break;
      case 2:
        b = splice(b, at, 0, [rng.pick([0x2c, 0x3b, 0x09])]);
        break;
      case 3:
        b = splice(b, at, 0, rng.pick([[0x0a], [0x0d], [0x0d, 0x0a]]));
        break;
      case 4:
        b = splice(b, at, rng.int(1, 200));
        break;
      case 5:
        b = splice(b, at, 0, b.slice(at, at + rng.int(1, 300)));
        break;
      case 6:
        b = splice(b, at, 0, new Uint8Array(rng.int(1_000, 70_000)).fill(rng.pick([0x78, 0x22, 0x3b, 0x30])));
        break;
      default:
        b = splice(b, at, 0, rng.pick([[0x80], [0xc0, 0xaf], [0xff, 0xfe], [0xe6]]));
    }
  }
  return b;
}

/** Text as the bytes of one of the encodings an export comes in. */
function encode(text: string, rng: Rng, preferred: 'utf-8' | 'windows-1252'): Uint8Array {
  const pick = rng.int(0, 9);
  if (pick === 0) return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
  try {
    return encodeText(text, pick < 4 ? 'windows-1252' : preferred);
  } catch {
    return encodeText(text, 'utf-8');
  }
}

/** The export of one seed. */
export function fuzzExport(seed: number, skip: ReadonlySet<Check> = new Set()): FuzzExport {
  const rng = createRng(seed);
  const variant = VARIANTS[rng.pick(VARIANT_NAMES)];
  const rows = generateRows({ seed, measures: rng.int(1, 40), badRows: rng.pick([0, 0.05, 0.3]), duplicates: rng.pick([0, 0.02]) });
  const plants = plantValues(rows, rng, skip);
  let text = exportText(rows, VARIANT_NAMES.find((name) => VARIANTS[name] === variant)!);
  if (rng.chance(0.15)) {
    const header = plantHeader(text, variant.delimiter, rng, skip);
    text = header.text;
    plants.push(header.plant);
  }
  const bytes = encode(text, rng, variant.encoding);
  if (rng.chance(0.5)) return { bytes: mutateBytes(bytes, rng), rows: null, plants };
  return { bytes, rows: rows.length, plants };
}

/** Ten digits that could be a CPR number, joined or with a dash, space, en dash or non-breaking hyphen between the sixth and the seventh. */
const CPR_SHAPED = /(?<!\d)(\d{6})[-\s\u2011\u2013\u00a0]?(\d{4})(?!\d)/g;

/** The ten digits of every CPR-shaped number in a text. */
function cprShaped(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(CPR_SHAPED), (m) => m[1]! + m[2]!));
}

const LIVE_FORMULA = /^[=+\-@\t\r]/;

/** The CSV files the app writes from an analysis: the rejections (its own writer) and a list of follow-ups, as the cell, overdue and plan lists write them. */
export function appCsvs({ report, obligations }: Figures): string[] {
  const rejections = rejectionsCsv(report, { line: 'line', check: 'check', reason: 'reason' });
  const list = formulaSafeCsv(
    ['case', 'measure', 'type', 'unit', 'caseworker', 'due', 'status'],
    obligations.map((o) => [o.caseId, o.measureId, o.measureType, o.unit, o.caseworker, o.due, o.status]),
    { delimiter: ';' },
  );
  return [rejections, list];
}

/** The checks on one export; the failures found. */
export function checkExport(seed: number, skip: ReadonlySet<Check> = new Set()): { failures: Failure[]; figures?: Figures } {
  const made = fuzzExport(seed, skip);
  const failures: Failure[] = [];
  const fail = (check: Check, message: string) => {
    if (!skip.has(check)) failures.push({ seed, check, message });
  };
  // Mutated bytes can glue other characters to a planted number: then it is inside a longer id, unless dashed.
  const checkOf = (plant: Plant): Check => (plant.check === 'cpr' && made.rows === null && !DASHED.test(plant.text) ? 'cpr-in-id' : plant.check);
  const leaks = (where: string, text: string) => {
    const found = cprShaped(text);
    for (const plant of made.plants) {
      if (plant.digits && found.has(plant.digits)) fail(checkOf(plant), `a planted CPR number (${JSON.stringify(plant.text)}) is in ${where}`);
    }
  };

  let figures: Figures;
  try {
    figures = figuresOf(made.bytes);
  } catch (error) {
    if (!(error instanceof UnreadableExportError)) {
      fail('crash', `threw ${(error as Error).name}: ${(error as Error).message}`);
      return { failures };
    }
    leaks('the refusal', `${error.message} ${JSON.stringify(error.refusal)} ${JSON.stringify(error.problem)}`);
    return { failures };
  }

  const { analysis, report, obligations, settings } = figures;
  const { total, accepted, rejected } = analysis.rows;
  if (accepted + rejected !== total) fail('rows', `accepted ${accepted} + rejected ${rejected} ≠ total ${total}`);
  if (report.rejections.length !== rejected) fail('rows', `${report.rejections.length} rejections reported, ${rejected} counted`);
  if (new Set(report.rejections.map((r) => r.line)).size !== report.rejections.length) fail('rows', 'a line is rejected twice');
  if (made.rows !== null && total !== made.rows) fail('rows', `${made.rows} rows written, ${total} read`);

  const { first, interval } = settings.rules;
  for (const o of obligations) {
    const where = `obligation ${o.seq} of ${o.measureKey}`;
    if (o.seq === 1 && o.due !== addMonths(o.created, first)) fail('windows', `${where} is due ${o.due}, not ${first} months after ${o.created}`);
    if (o.seq > 1 && !(o.due > o.created)) fail('windows', `${where} is due ${o.due}, not after ${o.created}`);
    if (o.status === 'projected' && (o.due !== addMonths(o.created, interval) || o.completed !== o.due)) fail('windows', `projected ${where} is due ${o.due}, not ${interval} months after ${o.created}`);
    if (o.status === 'done_on_time' && !(o.completed !== null && o.completed <= o.due)) fail('windows', `${where} is on time but done ${o.completed}, due ${o.due}`);
    if (o.status === 'done_late' && !(o.completed !== null && o.completed > o.due)) fail('windows', `${where} is late but done ${o.completed}, due ${o.due}`);
    if (o.status === 'overdue' && !(o.due < analysis.asOf)) fail('windows', `${where} is overdue but due ${o.due}, as of ${analysis.asOf}`);
    if (o.status === 'upcoming' && !(o.due >= analysis.asOf)) fail('windows', `${where} is upcoming but was due ${o.due}, as of ${analysis.asOf}`);
  }

  leaks('the analysis JSON', JSON.stringify(analysis));
  for (const [i, csv] of appCsvs(figures).entries()) {
    const name = i === 0 ? 'the rejections CSV' : 'the follow-ups CSV';
    leaks(name, csv);
    const cells = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter: i === 0 ? ',' : ';' }).data.flat();
    for (const cell of cells) {
      if (LIVE_FORMULA.test(cell)) fail(/[\r\n]/.test(cell) ? 'formula-after-line-break' : 'formula', `a live formula in ${name}: ${JSON.stringify(cell.slice(0, 60))}`);
    }
  }
  return { failures, figures };
}

/** Runs `exports` exports; the figures of the run. */
export function fuzz({ seed, exports, skip = new Set(), onExport }: FuzzOptions): FuzzFigures {
  const started = performance.now();
  const figures: FuzzFigures = { exports: 0, refused: 0, rows: 0, accepted: 0, rejected: 0, ms: 0, failures: [] };
  for (let i = 0; i < exports; i++) {
    const one = checkExport(exportSeed(seed, i), skip);
    figures.exports++;
    figures.failures.push(...one.failures);
    if (one.figures) {
      const { total, accepted, rejected } = one.figures.analysis.rows;
      figures.rows += total;
      figures.accepted += accepted;
      figures.rejected += rejected;
    } else if (!one.failures.some((f) => f.check === 'crash')) figures.refused++;
    onExport?.(i + 1);
  }
  figures.ms = performance.now() - started;
  return figures;
}
