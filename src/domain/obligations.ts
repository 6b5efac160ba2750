import { addMonths } from './calendar.ts';
import type { EventRecord, IsoDate, Measure, Obligation, ObligationStatus, Rules } from './types.ts';

/*
 * SPEC §5: the chain of follow-up obligations of each measure, with the
 * unit and caseworker each one belongs to.
 */

export interface ObligationContext {
  rules: Rules;
  asOf: IsoDate;
  /** The last day of the forecast range; projected obligations are due on or before it. */
  forecastEnd: IsoDate;
}

/**
 * @example deriveObligations(measures, { rules: DEFAULT_RULES, asOf: '2025-06-30', forecastEnd: '2026-06-30' })
 */
export function deriveObligations(measures: readonly Measure[], context: ObligationContext): Obligation[] {
  const out: Obligation[] = [];
  for (const m of measures) measureObligations(m, context, out);
  return out;
}

/** The follow-ups that complete obligations: distinct dates in order, each with its planned next date. */
function followUps(m: Measure, countTechnical: boolean): { date: IsoDate; nextDue: IsoDate | null }[] {
  const byDate = new Map<IsoDate, IsoDate | null>();
  for (const r of m.rows) {
    if (r.event !== 'follow_up' && !(countTechnical && r.event === 'technical_follow_up')) continue;
    const known = byDate.get(r.date);
    if (known === undefined || known === null) byDate.set(r.date, r.nextDue);
  }
  return [...byDate].map(([date, nextDue]) => ({ date, nextDue })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Appends the obligations of one measure to `out`. */
export function measureObligations(m: Measure, { rules, asOf, forecastEnd }: ObligationContext, out: Obligation[] = []): Obligation[] {
  const owner = ownerAt(m.rows);
  const done = followUps(m, rules.countTechnical);
  const push = (seq: number, created: IsoDate, due: IsoDate, completed: IsoDate | null, status: ObligationStatus) => {
    const row = status === 'projected' ? owner(null) : owner(due);
    out.push({
      measureKey: m.key,
      caseId: m.caseId,
      measureId: m.measureId,
      measureType: m.measureType,
      seq,
      created,
      due,
      completed,
      status,
      measureEnd: m.end,
      unit: row.unit,
      caseworker: row.caseworker,
    });
  };

  let created = m.start;
  let due = addMonths(m.start, rules.first);
  for (let k = 0; ; k++) {
    if (m.end !== null && due > m.end) return out;
    const f = done[k];
    if (f) {
      push(k + 1, created, due, f.date, f.date <= due ? 'done_on_time' : 'done_late');
      created = f.date;
      due = f.nextDue !== null && f.nextDue > f.date ? f.nextDue : addMonths(f.date, rules.interval);
      continue;
    }
    if (m.end !== null) {
      push(k + 1, created, due, null, 'missed');
      return out;
    }
    const overdue = due < asOf;
    push(k + 1, created, due, null, overdue ? 'overdue' : 'upcoming');
    // Running measure: project the chain, each one assumed done on its due date.
    let completion = overdue ? asOf : due;
    for (let seq = k + 2; ; seq++) {
      const next = addMonths(completion, rules.interval);
      if (next > forecastEnd) return out;
      push(seq, completion, next, next, 'projected');
      completion = next;
    }
  }
}

/**
 * Who holds a measure at a date: the latest row dated on or before it, the
 * later in the file on equal dates (`null`: the latest row of all).
 */
function ownerAt(rows: readonly EventRecord[]): (date: IsoDate | null) => EventRecord {
  // Rows come in file order, which is usually date order already.
  const sorted = inDateOrder(rows) ? rows : [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  return (date) => {
    if (date === null) return sorted[sorted.length - 1]!;
    let lo = 0;
    let hi = sorted.length; // first row dated after `date`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.date <= date) lo = mid + 1;
      else hi = mid;
    }
    return sorted[Math.max(0, lo - 1)]!;
  };
}

function inDateOrder(rows: readonly EventRecord[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.date > rows[i]!.date) return false;
  return true;
}
