import type { Figures, ProgressStage } from '../domain/analyze.ts';
import type { AnalyzeOptions } from '../domain/types.ts';

/** The messages between the analysis worker and its client. */
export interface AnalyzeRequest {
  input: Uint8Array | string;
  options: AnalyzeOptions;
}

export interface Progress {
  stage: ProgressStage;
  /** Fraction of the whole work done, 0–1. */
  fraction: number;
}

export type AnalyzeResponse =
  | ({ type: 'progress' } & Progress)
  | { type: 'result'; figures: Figures }
  /** `unreadable`: the file was refused whole (SPEC §3.1), not a bug. */
  | { type: 'error'; message: string; unreadable: boolean };
