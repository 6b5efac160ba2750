import { type Check, type Rejection, reasonKey, type RowReason } from '../reasons.ts';
import type { DateOrder } from './dates.ts';
import type { ReadResult } from './read.ts';
import type { PickedSheet } from './sheet.ts';
import { columnWarnings, type ColumnWarning } from './mixup.ts';

export { rejectionsCsv, type RejectionsCsvWords } from './rejectionsCsv.ts';

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
  /** Columns that look mixed up (too many distinct units or caseworkers), said at import. */
  warnings?: ColumnWarning[];
  /** A workbook's sheet that was read, how many sheets the workbook has, and why this one (set by whoever picked it). */
  sheet?: { name: string; count: number; by: PickedSheet['by'] };
}

/** Rejections of one check with the same code, naming the same columns: the same reason, whatever each row's values. */
export interface RejectionGroup {
  /** Names the group among the others (`reasonKey`). */
  key: string;
  check: Check;
  /** The first rejection's reason: its code and columns are every member's. */
  reason: RowReason;
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
    warnings: columnWarnings(read.rows, read.header, read.columns),
  };
}

/** Rejections grouped by their reason's code and columns (a code belongs to one check), in check order, then by size. */
export function groupRejections(rejections: readonly ReportedRejection[]): RejectionGroup[] {
  const groups = new Map<string, RejectionGroup>();
  for (const r of rejections) {
    const key = reasonKey(r.reason);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, check: r.check, reason: r.reason, rejections: [] }));
    g.rejections.push(r);
  }
  return [...groups.values()].sort((a, b) => a.check - b.check || b.rejections.length - a.rejections.length);
}
