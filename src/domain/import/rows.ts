import { dayNumber } from '../calendar.ts';
import type { EventKind, EventRecord, IsoDate } from '../types.ts';

/*
 * The rows that passed SPEC §3.1 check 1, as columns: one typed array per
 * field, ids and texts as indices into lists of their distinct values,
 * dates as day numbers. A million rows are a few arrays, not a million
 * objects for the garbage collector to walk (issue 17); `recordAt` makes
 * the object of one row where something lists rows.
 */

export const EVENTS: readonly EventKind[] = ['measure_start', 'follow_up', 'technical_follow_up', 'measure_end'];
export const START = 0;
export const FOLLOW_UP = 1;
export const TECHNICAL = 2;
export const END = 3;

/** A day number that is no day: a row without a next due date. */
export const NO_DAY = -0x80000000;

export interface EventRows {
  length: number;
  /** Line in the file where the row starts (the header is line 1). */
  line: Int32Array;
  /** Index into `caseIds`. */
  caseId: Int32Array;
  /** Index into `measureIds`. */
  measureId: Int32Array;
  /** Unit, caseworker and measure type: indices into `texts`. */
  unit: Int32Array;
  caseworker: Int32Array;
  measureType: Int32Array;
  /** Index into EVENTS. */
  event: Uint8Array;
  /** Day numbers (`dayNumber`); `nextDue` is NO_DAY where the row has none. */
  date: Int32Array;
  nextDue: Int32Array;
  /** The distinct values, as views may show them (masked, composed). */
  caseIds: string[];
  measureIds: string[];
  texts: string[];
  /** The IsoDate of every day number in `date` and `nextDue`. */
  dates: ReadonlyMap<number, IsoDate>;
}

/** The object of row `k` (its `index` is k). */
export function recordAt(rows: EventRows, k: number): EventRecord {
  const next = rows.nextDue[k]!;
  return {
    line: rows.line[k]!,
    index: k,
    caseId: rows.caseIds[rows.caseId[k]!]!,
    measureId: rows.measureIds[rows.measureId[k]!]!,
    unit: rows.texts[rows.unit[k]!]!,
    caseworker: rows.texts[rows.caseworker[k]!]!,
    measureType: rows.texts[rows.measureType[k]!]!,
    event: EVENTS[rows.event[k]!]!,
    date: rows.dates.get(rows.date[k]!)!,
    nextDue: next === NO_DAY ? null : rows.dates.get(next)!,
  };
}

/** Every row's object, in file order. */
export function recordsOf(rows: EventRows): EventRecord[] {
  return Array.from({ length: rows.length }, (_, k) => recordAt(rows, k));
}

/**
 * Fills EventRows one row at a time, for at most `capacity` rows. Ids and
 * texts arrive as they are to be shown; `text` is called with each raw text
 * once and its result shared (units written two ways are one unit).
 */
export class EventRowsBuilder {
  private n = 0;
  private readonly line: Int32Array;
  private readonly caseId: Int32Array;
  private readonly measureId: Int32Array;
  private readonly unit: Int32Array;
  private readonly caseworker: Int32Array;
  private readonly measureType: Int32Array;
  private readonly event: Uint8Array;
  private readonly date: Int32Array;
  private readonly nextDue: Int32Array;
  private readonly cases = new Dictionary();
  private readonly measures = new Dictionary();
  private readonly shown = new Dictionary();
  /** Raw text to its index in `shown`. */
  private readonly raw = new Map<string, number>();
  private readonly dates = new Map<number, IsoDate>();

  constructor(capacity: number) {
    this.line = new Int32Array(capacity);
    this.caseId = new Int32Array(capacity);
    this.measureId = new Int32Array(capacity);
    this.unit = new Int32Array(capacity);
    this.caseworker = new Int32Array(capacity);
    this.measureType = new Int32Array(capacity);
    this.event = new Uint8Array(capacity);
    this.date = new Int32Array(capacity);
    this.nextDue = new Int32Array(capacity);
  }

  /** The index of a raw text, made shown by `show` the first time it comes. */
  textIndex(raw: string, show: (raw: string) => string): number {
    let i = this.raw.get(raw);
    if (i === undefined) this.raw.set(raw, (i = this.shown.index(show(raw))));
    return i;
  }

  /** Remembers the IsoDate of a day number the rows hold. */
  day(day: number, iso: IsoDate): number {
    if (!this.dates.has(day)) this.dates.set(day, iso);
    return day;
  }

  /** The IsoDate of a day number given to `day`. */
  iso(day: number): IsoDate {
    return this.dates.get(day)!;
  }

  push(line: number, caseId: string, measureId: string, unit: number, caseworker: number, measureType: number, event: number, date: number, nextDue: number): void {
    this.pushIndexed(line, this.caseIndex(caseId), this.measureIndex(measureId), unit, caseworker, measureType, event, date, nextDue);
  }

  /** The index of a case id as shown (the first time it comes, the next one). */
  caseIndex(caseId: string): number {
    return this.cases.index(caseId);
  }

  measureIndex(measureId: string): number {
    return this.measures.index(measureId);
  }

  /**
   * The next index, for ids the caller knows are new to this builder (each
   * raw id masked once, `maskIds`): no lookup, where a national export has
   * hundreds of thousands of ids. Not to be mixed with `caseIndex` and
   * `measureIndex` on one builder.
   */
  newCase(caseId: string): number {
    return this.cases.append(caseId);
  }

  newMeasure(measureId: string): number {
    return this.measures.append(measureId);
  }

  /** `push` with the ids' indices (`caseIndex`, `measureIndex`). */
  pushIndexed(line: number, caseId: number, measureId: number, unit: number, caseworker: number, measureType: number, event: number, date: number, nextDue: number): void {
    const k = this.n++;
    this.line[k] = line;
    this.caseId[k] = caseId;
    this.measureId[k] = measureId;
    this.unit[k] = unit;
    this.caseworker[k] = caseworker;
    this.measureType[k] = measureType;
    this.event[k] = event;
    this.date[k] = date;
    this.nextDue[k] = nextDue;
  }

  done(): EventRows {
    const n = this.n;
    return {
      length: n,
      line: this.line.subarray(0, n),
      caseId: this.caseId.subarray(0, n),
      measureId: this.measureId.subarray(0, n),
      unit: this.unit.subarray(0, n),
      caseworker: this.caseworker.subarray(0, n),
      measureType: this.measureType.subarray(0, n),
      event: this.event.subarray(0, n),
      date: this.date.subarray(0, n),
      nextDue: this.nextDue.subarray(0, n),
      caseIds: this.cases.values,
      measureIds: this.measures.values,
      texts: this.shown.values,
      dates: this.dates,
    };
  }
}

/** Rows as columns from their objects (tests, and callers that made records themselves). */
export function eventRows(records: readonly EventRecord[]): EventRows {
  const b = new EventRowsBuilder(records.length);
  const same = (s: string) => s;
  for (const r of records) {
    const next = r.nextDue === null ? NO_DAY : b.day(dayNumber(r.nextDue), r.nextDue);
    b.push(r.line, r.caseId, r.measureId, b.textIndex(r.unit, same), b.textIndex(r.caseworker, same), b.textIndex(r.measureType, same), EVENTS.indexOf(r.event), b.day(dayNumber(r.date), r.date), next);
  }
  return b.done();
}

/** Distinct strings, each given the index of its first arrival. */
class Dictionary {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  /** A value known not to be here yet (`index` will not find it). */
  append(value: string): number {
    return this.values.push(value) - 1;
  }
  index(value: string): number {
    let i = this.at.get(value);
    if (i === undefined) this.at.set(value, (i = this.values.push(value) - 1));
    return i;
  }
}
