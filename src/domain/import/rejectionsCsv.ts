import { formulaSafeCsv, type CsvOptions } from '../export/csv.ts';
import { rejectionText, type RowReason } from '../reasons.ts';
import type { ImportReport } from './report.ts';

/* The rejections' CSV, in a module of its own: the page writes it when a person downloads it, and loads the CSV writer then. */

/** The words of the rejections' CSV: its column names, and the reason's sentence (English by default). */
export interface RejectionsCsvWords {
  line: string;
  check: string;
  reason: string;
  sentence?: (reason: RowReason) => string;
}

/** The rejections as a CSV file (formula-safe, through the one CSV writer): line, check, reason, then the row's values. */
export function rejectionsCsv(report: ImportReport, words: RejectionsCsvWords, options: CsvOptions = {}): string {
  const sentence = words.sentence ?? ((reason: RowReason) => rejectionText(reason));
  const header = [words.line, words.check, words.reason, ...report.header];
  const rows = report.rejections.map((r) => [r.line, r.check, sentence(r.reason), ...r.raw]);
  return formulaSafeCsv(header, rows, options);
}
