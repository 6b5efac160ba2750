import { AUDIT_DEFAULTS, MAX_SEED } from '../../../domain/audit/index.ts';
import type { MonthLabel } from '../../../domain/types.ts';
import { cell, decimalNumber, flag, isoDate, optionalWholeNumber, text, wholeNumber, type CellRef } from '../../state/address.ts';

/*
 * The registration view's state in the address, so a period, a cell and an
 * audit's settings (its seed above all) can be shared and drawn again:
 *   rfrom=2025-01&rto=2025-06          the period of the statistics (months)
 *   rcell=Valby:2025-04                the technical follow-ups' chosen cell
 *   afrom=2025-04-01&ato=2025-06-30    the audit's population period
 *   aconf=95&atol=5&aallow=0&aper=1&aseed=4711
 * Anything unreadable falls back to the default; numbers are clamped as
 * their fields clamp them (through the same parameters).
 */

export const MAX_ALLOWED = 50;

export const registration = {
  /** The period of the statistics, as months; all months when absent. */
  from: text('rfrom'),
  to: text('rto'),
  /** The technical follow-ups' chosen cell: a unit and a month. */
  cell: cell('rcell'),
  /** The audit's population period; the spec's default when absent. */
  auditFrom: isoDate('afrom'),
  auditTo: isoDate('ato'),
  /** Confidence in percent, 50–99.9 (95 by default), in tenths. */
  confidence: decimalNumber('aconf', { min: 50, max: 99.9, default: AUDIT_DEFAULTS.confidence * 100, decimals: 1 }),
  /** Tolerable deviation rate in percent, 0.1–50 (5 by default), in tenths. */
  tolerable: decimalNumber('atol', { min: 0.1, max: 50, default: AUDIT_DEFAULTS.tolerable * 100, decimals: 1 }),
  /** Deviations allowed in the sample, a whole number 0–50. */
  allowed: wholeNumber('aallow', { min: 0, max: MAX_ALLOWED, default: AUDIT_DEFAULTS.allowed }),
  /** One sample per unit instead of one allocated over the units. */
  perUnit: flag('aper'),
  /** The sample's seed, a whole number 0–2³² − 1; none yet when absent. */
  seed: optionalWholeNumber('aseed', 0, MAX_SEED),
} as const;

/**
 * The period of the statistics as indexes into `months`, both included;
 * by default all of them. Reversed months are put in order.
 * @example monthRangeOf('2025-03', null, ['2025-02', '2025-03', '2025-04']) // [1, 2]
 */
export function monthRangeOf(from: string | null, to: string | null, months: readonly MonthLabel[]): [number, number] {
  const last = Math.max(0, months.length - 1);
  const at = (m: string | null, fallback: number) => {
    const i = m === null ? -1 : months.indexOf(m);
    return i < 0 ? fallback : i;
  };
  const a = at(from, 0);
  const b = at(to, last);
  return a <= b ? [a, b] : [b, a];
}

/** The chosen cell of the technical follow-ups, if the export has its unit and month. */
export function cellOf(ref: CellRef | null, units: readonly string[], months: readonly MonthLabel[]): { unit: string; month: MonthLabel } | null {
  return ref && units.includes(ref.row) && months.includes(ref.col) ? { unit: ref.row, month: ref.col } : null;
}
