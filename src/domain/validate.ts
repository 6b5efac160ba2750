import { maskCpr } from './import/cpr.ts';
import { END, type EventRows, FOLLOW_UP, recordAt, START, TECHNICAL } from './import/rows.ts';
import { dayNumber } from './calendar.ts';
import { countingOrder } from './ranks.ts';
import { type Rejection, rejection } from './reasons.ts';
import type { EventRecord, IsoDate, Measure } from './types.ts';

/*
 * SPEC §3.1 checks 2–6, on the rows that passed check 1. Each check sees
 * only the rows that passed the ones before; every row ends up in a
 * measure or in the rejections, never in both and never in neither.
 * The checks run on the rows' columns; only accepted rows become objects,
 * in their measure.
 */

export interface Validated {
  measures: Measure[];
  accepted: number;
  rejections: Rejection[];
}

/** The key that names one measure: the case and the measure id together. */
export function measureKey(caseId: string, measureId: string): string {
  return `${caseId}\u0000${measureId}`;
}

/**
 * Measures come in the order of their case's first row, then of their own
 * first row, counting only rows not after the as-of date.
 * @example validate(readExport(text).rows, '2025-06-30').measures.length
 */
export function validate(rows: EventRows, asOf: IsoDate): Validated {
  const rejections: Rejection[] = [];
  const asOfDay = dayNumber(asOf);
  const n = rows.length;
  // Each row's measure, numbered as measures first come; -1 after the as-of date.
  const measureOf = new Int32Array(n);
  // A measure id is nearly always of one case: its first case's measure is kept beside it, and only a measure id
  // under a second case is looked up, by the pair (a pair as one number outgrows small integers at a million rows,
  // and a map of such numbers took a third of the validation).
  const firstCase = new Int32Array(rows.measureIds.length).fill(-1);
  const firstMeasure = new Int32Array(rows.measureIds.length);
  const others = new Map<string, number>();
  const caseRank = new Int32Array(rows.caseIds.length).fill(-1);
  const rankOfMeasure: number[] = [];
  let cases = 0;
  const newMeasure = (c: number) => rankOfMeasure.push(caseRank[c]!) - 1;
  for (let k = 0; k < n; k++) {
    if (rows.date[k]! > asOfDay) {
      rejections.push(rejection(rows.line[k]!, { code: 'after-as-of', date: rows.dates.get(rows.date[k]!)!, asOf }));
      measureOf[k] = -1;
      continue;
    }
    const c = rows.caseId[k]!;
    if (caseRank[c] === -1) caseRank[c] = cases++;
    const id = rows.measureId[k]!;
    let m: number | undefined;
    if (firstCase[id] === c) m = firstMeasure[id]!;
    else if (firstCase[id] === -1) [firstCase[id], firstMeasure[id]] = [c, (m = newMeasure(c))];
    else {
      const pair = `${c}:${id}`;
      m = others.get(pair);
      if (m === undefined) others.set(pair, (m = newMeasure(c)));
    }
    measureOf[k] = m;
  }

  // The rows of each measure together, in file order (a counting sort), and the measures in their case's order.
  const count = rankOfMeasure.length;
  const start = new Int32Array(count + 1);
  for (let k = 0; k < n; k++) if (measureOf[k]! >= 0) start[measureOf[k]! + 1]!++;
  for (let m = 0; m < count; m++) start[m + 1]! += start[m]!;
  const at = start.slice(0, count);
  const grouped = new Int32Array(start[count]!);
  for (let k = 0; k < n; k++) if (measureOf[k]! >= 0) grouped[at[measureOf[k]!]!++] = k;
  const order = countingOrder({ of: rankOfMeasure, count: cases });

  const measures: Measure[] = [];
  let accepted = 0;
  for (const m of order) {
    const measure = validateMeasure(rows, grouped, start[m]!, start[m + 1]!, rejections);
    if (measure) {
      measures.push(measure);
      accepted += measure.rows.length;
    }
  }
  rejections.sort((a, b) => a.line - b.line);
  return { measures, accepted, rejections };
}

/** Checks 3–6 for the rows of one measure: `grouped[from…to)`, indices into `rows` in file order. */
function validateMeasure(rows: EventRows, grouped: Int32Array, from: number, to: number, rejections: Rejection[]): Measure | null {
  const { event, date, line, dates } = rows;
  const first = grouped[from]!;
  const caseId = rows.caseIds[rows.caseId[first]!]!;
  const measureId = rows.measureIds[rows.measureId[first]!]!;
  let start = -1;
  for (let i = from; i < to; i++) {
    if (event[grouped[i]!] === START) {
      start = grouped[i]!;
      break;
    }
  }
  if (start === -1) {
    for (let i = from; i < to; i++) rejections.push(rejection(line[grouped[i]!]!, { code: 'no-start', ...masked(caseId, measureId) }));
    return null;
  }
  const startDay = date[start]!;

  let end = -1;
  const kept: number[] = [];
  for (let i = from; i < to; i++) {
    const k = grouped[i]!;
    const e = event[k]!;
    if (e === START && k !== start) {
      rejections.push(rejection(line[k]!, { code: 'second-start', ...masked(caseId, measureId), otherLine: line[start]! }));
    } else if (e === END) {
      if (date[k]! < startDay) {
        rejections.push(rejection(line[k]!, { code: 'end-before-start', date: dates.get(date[k]!)!, start: dates.get(startDay)!, otherLine: line[start]! }));
      } else if (end !== -1) {
        rejections.push(rejection(line[k]!, { code: 'second-end', ...masked(caseId, measureId), otherLine: line[end]! }));
      } else {
        end = k;
        kept.push(k);
      }
    } else {
      kept.push(k);
    }
  }

  const accepted: number[] = [];
  // Most measures have a handful of rows, where a scan beats a set of keys;
  // a hostile file with one huge measure gets the set (event and day as one number).
  const seen = kept.length > 32 ? new Map<number, number>() : null;
  for (const k of kept) {
    const e = event[k]!;
    const day = date[k]!;
    const followUp = e === FOLLOW_UP || e === TECHNICAL;
    if (followUp && day < startDay) {
      rejections.push(rejection(line[k]!, { code: 'follow-up-before-start', date: dates.get(day)!, start: dates.get(startDay)!, otherLine: line[start]! }));
      continue;
    }
    if (followUp && end !== -1 && day > date[end]!) {
      rejections.push(rejection(line[k]!, { code: 'follow-up-after-end', date: dates.get(day)!, end: dates.get(date[end]!)!, otherLine: line[end]! }));
      continue;
    }
    const earlier = seen ? (seen.get(day * 4 + e) ?? -1) : same(rows, accepted, e, day);
    if (earlier !== -1) {
      rejections.push(rejection(line[k]!, { code: 'repeats', otherLine: line[earlier]! }));
      continue;
    }
    accepted.push(k);
    seen?.set(day * 4 + e, k);
  }

  const records: EventRecord[] = new Array(accepted.length);
  for (let i = 0; i < accepted.length; i++) records[i] = recordAt(rows, accepted[i]!);
  return {
    key: measureKey(caseId, measureId),
    caseId,
    measureId,
    measureType: rows.texts[rows.measureType[start]!] || (records.find((r) => r.measureType)?.measureType ?? ''),
    start: dates.get(startDay)!,
    end: end === -1 ? null : dates.get(date[end]!)!,
    rows: records,
  };
}

/** The row among `ks` with this event on this day, or -1. */
function same(rows: EventRows, ks: readonly number[], event: number, day: number): number {
  for (const k of ks) if (rows.event[k] === event && rows.date[k] === day) return k;
  return -1;
}

/** Ids as a reason holds them: no reason ever holds a CPR number, whoever made the rows. */
function masked(caseId: string, measureId: string): { caseId: string; measureId: string } {
  return { caseId: maskCpr(caseId), measureId: maskCpr(measureId) };
}
