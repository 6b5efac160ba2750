import { maskCpr } from './import/cpr.ts';
import type { EventRecord, IsoDate, Measure, Rejection } from './types.ts';

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
      rejections.push({ line: r.line, check: 2, reason: `dated ${r.date}, after the as-of date ${asOf}` });
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
  // Ids reach a reason masked: no reason ever quotes a CPR number (a shape such as 'M0101901234' passes the reader).
  const name = `measure "${maskCpr(first.measureId)}" of case "${maskCpr(first.caseId)}"`;
  const start = rows.find((r) => r.event === 'measure_start');
  if (!start) {
    for (const r of rows) {
      rejections.push({ line: r.line, check: 3, reason: `${name} has no start (measure_start) that could be accepted` });
    }
    return null;
  }

  let end: EventRecord | undefined;
  const kept: EventRecord[] = [];
  for (const r of rows) {
    if (r.event === 'measure_start' && r !== start) {
      rejections.push({ line: r.line, check: 3, reason: `a second start of ${name}; the first, on line ${start.line}, counts` });
    } else if (r.event === 'measure_end') {
      if (r.date < start.date) {
        rejections.push({ line: r.line, check: 4, reason: `the end ${r.date} is before the start ${start.date} (line ${start.line})` });
      } else if (end) {
        rejections.push({ line: r.line, check: 4, reason: `a second end of ${name}; the first, on line ${end.line}, counts` });
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
      rejections.push({ line: r.line, check: 5, reason: `follow-up dated ${r.date}, before the start ${start.date} (line ${start.line})` });
      continue;
    }
    if (followUp && end && r.date > end.date) {
      rejections.push({ line: r.line, check: 5, reason: `follow-up dated ${r.date}, after the end ${end.date} (line ${end.line})` });
      continue;
    }
    const earlier = seen ? seen.get(`${r.event}|${r.date}`) : accepted.find((a) => a.event === r.event && a.date === r.date);
    if (earlier) {
      rejections.push({ line: r.line, check: 6, reason: `repeats line ${earlier.line} (same measure, event and date)` });
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
