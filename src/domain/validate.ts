import { maskCpr } from './import/cpr.ts';
import { type Rejection, rejection } from './reasons.ts';
import type { EventRecord, IsoDate, Measure } from './types.ts';

/*
 * SPEC §3.1 checks 2–6, on the records that passed check 1. Each check
 * sees only the rows that passed the ones before; every row ends up in a
 * measure or in the rejections, never in both and never in neither.
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
 * @example validate(records, '2025-06-30').measures.length
 */
export function validate(records: readonly EventRecord[], asOf: IsoDate): Validated {
  const rejections: Rejection[] = [];
  // Grouped by case, then measure: no key string is built per row.
  const byCase = new Map<string, Map<string, EventRecord[]>>();
  for (const r of records) {
    if (r.date > asOf) {
      rejections.push(rejection(r.line, { code: 'after-as-of', date: r.date, asOf }));
      continue;
    }
    let byMeasure = byCase.get(r.caseId);
    if (!byMeasure) byCase.set(r.caseId, (byMeasure = new Map()));
    let rows = byMeasure.get(r.measureId);
    if (!rows) byMeasure.set(r.measureId, (rows = []));
    rows.push(r);
  }

  const measures: Measure[] = [];
  let accepted = 0;
  for (const [caseId, byMeasure] of byCase) for (const [measureId, rows] of byMeasure) {
    const measure = validateMeasure(measureKey(caseId, measureId), rows, rejections);
    if (measure) {
      measures.push(measure);
      accepted += measure.rows.length;
    }
  }
  rejections.sort((a, b) => a.line - b.line);
  return { measures, accepted, rejections };
}

/** Checks 3–6 for the rows of one measure, in file order. */
function validateMeasure(key: string, rows: EventRecord[], rejections: Rejection[]): Measure | null {
  const first = rows[0]!;
  // Ids reach a reason masked: no reason ever holds a CPR number (a shape such as 'M0101901234' passes the reader).
  const ids = { caseId: maskCpr(first.caseId), measureId: maskCpr(first.measureId) };
  const start = rows.find((r) => r.event === 'measure_start');
  if (!start) {
    for (const r of rows) rejections.push(rejection(r.line, { code: 'no-start', ...ids }));
    return null;
  }

  let end: EventRecord | undefined;
  const kept: EventRecord[] = [];
  for (const r of rows) {
    if (r.event === 'measure_start' && r !== start) {
      rejections.push(rejection(r.line, { code: 'second-start', ...ids, otherLine: start.line }));
    } else if (r.event === 'measure_end') {
      if (r.date < start.date) {
        rejections.push(rejection(r.line, { code: 'end-before-start', date: r.date, start: start.date, otherLine: start.line }));
      } else if (end) {
        rejections.push(rejection(r.line, { code: 'second-end', ...ids, otherLine: end.line }));
      } else {
        end = r;
        kept.push(r);
      }
    } else {
      kept.push(r);
    }
  }

  const accepted: EventRecord[] = [];
  // Most measures have a handful of rows, where a scan beats a set of keys;
  // a hostile file with one huge measure gets the set.
  const seen = kept.length > 32 ? new Map<string, EventRecord>() : null;
  for (const r of kept) {
    const followUp = r.event === 'follow_up' || r.event === 'technical_follow_up';
    if (followUp && r.date < start.date) {
      rejections.push(rejection(r.line, { code: 'follow-up-before-start', date: r.date, start: start.date, otherLine: start.line }));
      continue;
    }
    if (followUp && end && r.date > end.date) {
      rejections.push(rejection(r.line, { code: 'follow-up-after-end', date: r.date, end: end.date, otherLine: end.line }));
      continue;
    }
    const earlier = seen ? seen.get(`${r.event}|${r.date}`) : accepted.find((a) => a.event === r.event && a.date === r.date);
    if (earlier) {
      rejections.push(rejection(r.line, { code: 'repeats', otherLine: earlier.line }));
      continue;
    }
    accepted.push(r);
    seen?.set(`${r.event}|${r.date}`, r);
  }

  return {
    key,
    caseId: start.caseId,
    measureId: start.measureId,
    measureType: start.measureType || (accepted.find((r) => r.measureType)?.measureType ?? ''),
    start: start.date,
    end: end?.date ?? null,
    rows: accepted,
  };
}
