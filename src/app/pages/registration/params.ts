import { AUDIT_DEFAULTS, MAX_SEED } from '../../../domain/audit/index.ts';
import type { IsoDate, MonthLabel } from '../../../domain/types.ts';

/*
 * The registration view's state in the address, so a period, a cell and an
 * audit's settings (its seed above all) can be shared and drawn again:
 *   rfrom=2025-01&rto=2025-06          the period of the statistics (months)
 *   rcell=Valby:2025-04                the technical follow-ups' chosen cell
 *   afrom=2025-04-01&ato=2025-06-30    the audit's population period
 *   aconf=95&atol=5&aallow=0&aper=1&aseed=4711
 * Anything unreadable falls back to the default; numbers are clamped as
 * their fields clamp them.
 */

/**
 * A number as a person writes it, with a decimal comma or point: the one
 * place this view reads numbers, so it is easy to swap for a shared reader.
 * @example readNumber('6,5') // 6.5; readNumber(' 95 ') // 95; readNumber('x') // null
 */
export function readNumber(value: string | null): number | null {
  const text = (value ?? '').trim().replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Confidence in percent, 50–99.9 (default 95). @example confidenceOf('99,5') // 99.5 */
export function confidenceOf(value: string | null): number {
  const n = readNumber(value);
  return n === null ? AUDIT_DEFAULTS.confidence * 100 : clamp(Math.round(n * 10) / 10, 50, 99.9);
}

/** Tolerable deviation rate in percent, 0.1–50 (default 5). @example tolerableOf('2,5') // 2.5 */
export function tolerableOf(value: string | null): number {
  const n = readNumber(value);
  return n === null ? AUDIT_DEFAULTS.tolerable * 100 : clamp(Math.round(n * 10) / 10, 0.1, 50);
}

export const MAX_ALLOWED = 50;

/** Allowed deviations, a whole number 0–50 (default 0). */
export function allowedOf(value: string | null): number {
  const n = readNumber(value);
  return n === null ? AUDIT_DEFAULTS.allowed : clamp(Math.round(n), 0, MAX_ALLOWED);
}

/** The seed, a whole number 0–2³² − 1, or null when there is none yet. */
export function seedOf(value: string | null): number | null {
  const n = readNumber(value);
  return n === null || !Number.isInteger(n) ? null : clamp(n, 0, MAX_SEED);
}

const isDate = (value: string | null): value is IsoDate => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A date `YYYY-MM-DD`, or null (the default). */
export const dateOf = (value: string | null): IsoDate | null => (isDate(value) ? value : null);

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

/** The chosen cell of the technical follow-ups: a unit of the export and one of the months. */
export function cellOf(value: string | null, units: readonly string[], months: readonly MonthLabel[]): { unit: string; month: MonthLabel } | null {
  const at = value?.lastIndexOf(':') ?? -1;
  if (!value || at < 0) return null;
  const unit = value.slice(0, at);
  const month = value.slice(at + 1);
  return units.includes(unit) && months.includes(month) ? { unit, month } : null;
}
