import { toCsv, type CsvOptions } from '../export/csv.ts';
import type { Rejection } from '../types.ts';
import type { DateOrder } from './dates.ts';
import type { ReadResult } from './read.ts';
import type { PickedSheet } from './sheet.ts';

/*
 * The validation report behind the overview: what was read, and every
 * rejected row with its line, the check that rejected it, the reason and
 * the row's values as a person may see them (CPR columns left out,
 * CPR-shaped text masked). Nothing dropped silently (SPEC §3.1).
 */

export interface ReportedRejection extends Rejection {
  /** The row's values, aligned with `ImportReport.header`; empty when the row could not be split. */
  raw: string[];
}

export interface ImportReport {
  format: 'text' | 'sheet';
  encoding: string | null;
  delimiter: string | null;
  dateOrder: DateOrder;
  dateOrderDetected: boolean;
  /** The file's header without CPR columns. */
  header: string[];
  rejections: ReportedRejection[];
  /** A workbook's sheet that was read, how many sheets the workbook has, and why this one (set by whoever picked it). */
  sheet?: { name: string; count: number; by: PickedSheet['by'] };
}

export interface RejectionGroup {
  check: Rejection['check'];
  /** The reason with the row's own values (dates, quoted values, ids, line numbers) replaced by "…". */
  pattern: string;
  rejections: ReportedRejection[];
}

/** @example importReport(read, rejections).rejections[0].raw // ['C1', 'M1', 'Amager', 'start', '2025-13-01'] */
export function importReport(read: ReadResult, rejections: readonly Rejection[]): ImportReport {
  return {
    format: read.format,
    encoding: read.encoding,
    delimiter: read.delimiter,
    dateOrder: read.dateOrder,
    dateOrderDetected: read.dateOrderDetected,
    header: read.visibleHeader,
    rejections: rejections.map((r) => ({ ...r, raw: read.rawFields(r.line) ?? [] })),
  };
}

/**
 * The shape of a reason, without the values of one row: quoted values
 * other than column names, dates, and numbers become "…".
 * @example reasonPattern('"x" in column "event" is not a known event') // '"…" in column "event" is not a known event'
 */
export function reasonPattern(reason: string): string {
  return reason
    .replace(/(^|[^\w] ?)(?<!columns? (?:"[^"]*", )*)"[^"]*"/g, '$1"…"')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '…')
    .replace(/\bline \d+\b/g, 'line …');
}

/** Rejections grouped by check and reason pattern, in check order, then by size. */
export function groupRejections(rejections: readonly ReportedRejection[]): RejectionGroup[] {
  const groups = new Map<string, RejectionGroup>();
  for (const r of rejections) {
    const pattern = reasonPattern(r.reason);
    const key = `${r.check}\u0000${pattern}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { check: r.check, pattern, rejections: [] }));
    g.rejections.push(r);
  }
  return [...groups.values()].sort((a, b) => a.check - b.check || b.rejections.length - a.rejections.length);
}

/** The rejections as a CSV file (formula-safe, through the one CSV writer): line, check, reason, then the row's values. */
export function rejectionsCsv(report: ImportReport, labels: { line: string; check: string; reason: string }, options: CsvOptions = {}): string {
  const header = [labels.line, labels.check, labels.reason, ...report.header];
  const rows = report.rejections.map((r) => [r.line, r.check, r.reason, ...r.raw]);
  return toCsv(header, rows, options);
}
