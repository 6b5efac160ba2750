import type { Registration } from '../aggregate/registrations.ts';
import type { Cell } from '../export/csv.ts';
import { mapColumns, normalizeHeader } from '../import/columns.ts';
import { maskCpr } from '../import/cpr.ts';
import { parseDate } from '../import/dates.ts';
import { decodeText } from '../import/decode.ts';
import { parseEvent } from '../import/events.ts';
import { readTable } from '../import/table.ts';
import type { IsoDate } from '../types.ts';

/*
 * The auditor's checklist (SPEC §9.1): one row per sampled registration and
 * a `documented` column to fill in. Written as CSV (English or Danish
 * column names and event names), read back from whatever a spreadsheet
 * makes of it: `,` or `;`, UTF-8 or Windows-1252, dates rewritten as
 * DD-MM-YYYY, formulas neutralised on the way out and undone on the way in.
 */

export const CHECKLIST_COLUMNS = ['line', 'unit', 'case_id', 'measure_id', 'caseworker', 'event', 'date', 'documented'] as const;

export type ChecklistLanguage = 'en' | 'da';

/** The column names in each language; Danish ones are the export's own (SPEC §3) where there is one. */
export const CHECKLIST_HEADERS: Record<ChecklistLanguage, readonly string[]> = {
  en: CHECKLIST_COLUMNS,
  da: ['linje', 'enhed', 'sagsnr', 'foranstaltning', 'sagsbehandler', 'hændelse', 'dato', 'dokumenteret'],
};

const EVENT_WORDS: Record<ChecklistLanguage, Record<Registration['event'], string>> = {
  en: { follow_up: 'follow_up', technical_follow_up: 'technical_follow_up' },
  da: { follow_up: 'opfølgning', technical_follow_up: 'teknisk opfølgning' },
};

/** The words a `documented` cell may hold, case and surrounding spaces aside. */
const DOCUMENTED: Record<string, boolean> = { yes: true, ja: true, no: false, nej: false };

/**
 * The checklist as CSV cells: the header and one row per sampled registration, `documented` empty.
 * @example checklistCells(plan.sample, 'da').header[7] // 'dokumenteret'
 */
export function checklistCells(sample: readonly Registration[], language: ChecklistLanguage = 'en'): { header: string[]; rows: Cell[][] } {
  return {
    header: [...CHECKLIST_HEADERS[language]],
    rows: sample.map((r) => [r.line, r.unit, r.caseId, r.measureId, r.caseworker, EVENT_WORDS[language][r.event], r.date, '']),
  };
}

/** One row of a filled-in checklist. Fields the checklist lacks are empty (or null). */
export interface ChecklistRow {
  /** The row's line in the checklist file. */
  fileLine: number;
  /** The registration's line in the export, as the checklist gives it. */
  line: number | null;
  unit: string;
  caseId: string;
  measureId: string;
  caseworker: string;
  event: Registration['event'] | null;
  date: IsoDate | null;
  /** Null when the row is not marked (an error, in `problems`). */
  documented: boolean | null;
}

/** Why a row of the checklist cannot be counted, as data; the sentence is made where it is shown. */
export type ChecklistProblem =
  | { line: number; code: 'unmarked' }
  | { line: number; code: 'unreadable'; value: string }
  | { line: number; code: 'noUnit' };

export interface Checklist {
  rows: ChecklistRow[];
  problems: ChecklistProblem[];
}

/** A file that is not a checklist at all: not a table, or without the columns the result needs. */
export class ChecklistRefused extends Error {
  override name = 'ChecklistRefused';
  constructor(
    message: string,
    /** The columns it lacks (`unit`, `documented`); empty when it is not a table. */
    readonly missing: readonly string[],
  ) {
    super(message);
  }
}

const OWN_ALIASES: Record<'line' | 'documented', readonly string[]> = {
  line: ['line', 'linje'],
  documented: ['documented', 'dokumenteret'],
};

/**
 * A cell as the checklist wrote it: trimmed, without the apostrophe that
 * kept a formula from running, and with any CPR-shaped text masked (a
 * hand-edited cell is shown when the checklist differs from the sample).
 */
function plain(value: string | undefined): string {
  const v = (value ?? '').trim();
  return maskCpr(/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
}

/**
 * Reads a filled-in checklist (bytes as saved, or text). Throws
 * ChecklistRefused when it is not a table or lacks `unit` or `documented`.
 * @example readChecklist('unit,documented\nValby,ja\nValby,').problems // [{ line: 3, code: 'unmarked' }]
 */
export function readChecklist(input: Uint8Array | string): Checklist {
  let table;
  try {
    table = readTable(typeof input === 'string' ? input : decodeText(input).text);
  } catch (error) {
    throw new ChecklistRefused(error instanceof Error ? error.message : String(error), []);
  }
  const columns = mapColumns(table.header);
  const own = (field: keyof typeof OWN_ALIASES) => table.header.findIndex((name) => OWN_ALIASES[field].includes(normalizeHeader(name)));
  const at = { ...columns, line: own('line'), documented: own('documented') };
  const missing = (['unit', 'documented'] as const).filter((f) => at[f] === undefined || at[f] === -1);
  if (missing.length > 0) {
    throw new ChecklistRefused(`the checklist has no ${missing.join(' and ')} column (it needs unit and documented; ${OWN_ALIASES.documented.join(' / ')} is filled in with yes or no)`, missing);
  }

  const rows: ChecklistRow[] = [];
  const problems: ChecklistProblem[] = [];
  for (const { line: fileLine, fields } of table.rows) {
    const cell = (i: number | undefined) => (i === undefined || i < 0 ? '' : plain(fields[i]));
    const mark = cell(at.documented).toLowerCase();
    const documented = Object.hasOwn(DOCUMENTED, mark) ? DOCUMENTED[mark]! : null;
    const unit = cell(at.unit).normalize('NFC');
    if (unit === '') problems.push({ line: fileLine, code: 'noUnit' });
    else if (mark === '') problems.push({ line: fileLine, code: 'unmarked' });
    else if (documented === null) problems.push({ line: fileLine, code: 'unreadable', value: cell(at.documented) });
    const exportLine = /^\d+$/.test(cell(at.line)) ? Number(cell(at.line)) : null;
    const event = parseEvent(cell(at.event));
    rows.push({
      fileLine,
      line: exportLine,
      unit,
      caseId: cell(at.case_id),
      measureId: cell(at.measure_id),
      caseworker: cell(at.caseworker),
      event: event === 'follow_up' || event === 'technical_follow_up' ? event : null,
      date: parseDate(cell(at.date)),
      documented,
    });
  }
  return { rows, problems };
}

/** How a checklist differs from the sample drawn here: rows of the sample it lacks, and rows it has that are not in the sample. */
export interface ChecklistComparison {
  same: boolean;
  missing: Registration[];
  extra: ChecklistRow[];
}

const keyOf = (r: { line: number | null; unit: string; caseId: string; measureId: string; caseworker: string; event: string | null; date: string | null }) =>
  [r.line, r.unit, r.caseId, r.measureId, r.caseworker, r.event, r.date].join('\u0000');

/**
 * Whether a checklist is the sample: the same registrations (line, unit,
 * case, measure, caseworker, event and date), each once.
 * @example compareChecklist(readChecklist(text).rows, plan.sample).same
 */
export function compareChecklist(rows: readonly ChecklistRow[], sample: readonly Registration[]): ChecklistComparison {
  const wanted = new Map<string, Registration[]>();
  for (const r of sample) {
    const k = keyOf(r);
    wanted.set(k, [...(wanted.get(k) ?? []), r]);
  }
  const extra: ChecklistRow[] = [];
  for (const row of rows) {
    const left = wanted.get(keyOf(row));
    if (left && left.length > 0) left.pop();
    else extra.push(row);
  }
  const missing = [...wanted.values()].flat().sort((a, b) => a.line - b.line);
  return { same: missing.length === 0 && extra.length === 0, missing, extra };
}
