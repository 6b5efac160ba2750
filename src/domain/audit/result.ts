import { danishOrder } from '../collate.ts';
import type { ChecklistRow } from './checklist.ts';
import { upperBound } from './stats.ts';

/*
 * What the audited sample says (SPEC §9 "Result"): deviations, their rate
 * and its exact one-sided upper bound, per stratum and pooled, and whether
 * the registrations can be relied on.
 */

export interface AuditFigure {
  n: number;
  /** Rows not documented. */
  deviations: number;
  rate: number;
  /** Clopper–Pearson upper bound of the deviation rate at the confidence. */
  upperBound: number;
  /** The upper bound is at most the tolerable rate: the registrations can be relied on. */
  reliable: boolean;
}

export interface AuditResult {
  /** Per unit of the checklist, in Danish order. */
  strata: Record<string, AuditFigure>;
  pooled: AuditFigure;
}

/** @example auditFigure(5, 127, { confidence: 0.95, tolerable: 0.05 }) // { n: 127, deviations: 5, rate: 0.039…, upperBound: 0.081…, reliable: false } */
export function auditFigure(deviations: number, n: number, { confidence, tolerable }: { confidence: number; tolerable: number }): AuditFigure {
  const bound = upperBound(deviations, n, confidence);
  return { n, deviations, rate: deviations / n, upperBound: bound, reliable: bound <= tolerable };
}

/**
 * The result of a checklist whose rows are all marked (those with a problem
 * are the caller's to refuse). Units in the checklist are its strata.
 * @example auditResult(readChecklist(text).rows, { confidence: 0.95, tolerable: 0.05 }).pooled.reliable
 */
export function auditResult(rows: readonly Pick<ChecklistRow, 'unit' | 'documented'>[], rule: { confidence: number; tolerable: number }): AuditResult {
  if (rows.length === 0) throw new RangeError('the checklist has no rows to count');
  const counts = new Map<string, { n: number; deviations: number }>();
  for (const r of rows) {
    if (r.documented === null) throw new RangeError(`a row of unit ${r.unit} is not marked documented or not`);
    const c = counts.get(r.unit) ?? { n: 0, deviations: 0 };
    c.n++;
    if (!r.documented) c.deviations++;
    counts.set(r.unit, c);
  }
  const strata: Record<string, AuditFigure> = Object.create(null);
  for (const unit of [...counts.keys()].sort(danishOrder)) {
    const c = counts.get(unit)!;
    strata[unit] = auditFigure(c.deviations, c.n, rule);
  }
  const deviations = rows.filter((r) => r.documented === false).length;
  return { strata, pooled: auditFigure(deviations, rows.length, rule) };
}
