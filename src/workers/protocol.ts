import type { Figures, PipelineOptions, ProgressStage } from '../domain/analyze.ts';
import type { ImportProblem } from '../domain/import/problems.ts';
import type { Refusal } from '../domain/reasons.ts';

/** What the page may ask of an analysis: the figures' options and the answers to import questions. */
export type ImportOptions = Omit<PipelineOptions, 'onProgress'>;

/** The messages between the analysis worker and its client. */
export interface AnalyzeRequest {
  input: Uint8Array | string;
  options: ImportOptions;
  /** `xlsx`: `input` is an Excel workbook's bytes; `sheet` names the sheet to read (needed when there are several). */
  format?: 'text' | 'xlsx';
  sheet?: string;
}

export interface Progress {
  stage: ProgressStage;
  /** Fraction of the whole work done, 0–1. */
  fraction: number;
}

export type AnalyzeResponse =
  | ({ type: 'progress' } & Progress)
  | { type: 'result'; figures: Figures }
  /**
   * `refusal`: why the file was refused whole (SPEC §3.1), not a bug; null for a bug;
   * `problem`: the question that would let it be read (columns, date order, sheet).
   */
  | { type: 'error'; message: string; refusal: Refusal | null; problem?: ImportProblem | null };
