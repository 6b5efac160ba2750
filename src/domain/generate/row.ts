import type { EventRecord } from '../types.ts';

/**
 * One generated event row, before it is written in some file variant.
 *
 * `date` is an IsoDate, except on a deliberately unreadable row, where it
 * is the raw text to write as it is (never shaped like `YYYY-MM-DD`, so a
 * writer can tell the two apart and every variant writes the same text).
 */
export interface GeneratedRow extends Omit<EventRecord, 'line' | 'index' | 'date'> {
  /** An IsoDate, or the raw text of a deliberately unreadable date. `unit` is empty on a bad row. */
  date: string;
  /** Free-text remark; written only by variants with a remarks column. */
  note: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a row's date is a date to format, not raw unreadable text.
 * @example isIsoShaped('2026-01-31') // true
 */
export function isIsoShaped(date: string): boolean {
  return ISO_DATE.test(date);
}
