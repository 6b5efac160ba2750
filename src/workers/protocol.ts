import type { PipelineOptions, ProgressStage } from '../domain/analyze.ts';
import type { BalanceProblem, Proposal, SolveProgress } from '../domain/balance/index.ts';
import type { ImportProblem } from '../domain/import/problems.ts';
import type { Refusal } from '../domain/reasons.ts';
import type { PackedFigures } from './figuresTransfer.ts';

/*
 * Every worker speaks one protocol: the page posts one request; the worker
 * answers with progress now and then, then one result or one error. A
 * cancel is the page terminating the worker (one worker per job), so no
 * message is needed for it.
 */

/** What a worker posts back: `P` with progress, `R` with the result, `E` with an error. */
export type WorkerMessage<P, R, E> = ({ type: 'progress' } & P) | ({ type: 'result' } & R) | ({ type: 'error'; message: string } & E);

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
  /** The worker's stage, or `hand-off`: the page building the figures it was sent. */
  stage: ProgressStage | 'hand-off';
  /** Fraction of the whole work done, 0–1. */
  fraction: number;
}

export type AnalyzeResponse = WorkerMessage<
  Progress,
  /** The long lists as columns of transferred arrays (figuresTransfer.ts). */
  { figures: PackedFigures },
  /**
   * `refusal`: why the file was refused whole (SPEC §3.1), not a bug; null for a bug;
   * `problem`: the question that would let it be read (columns, date order, sheet).
   */
  { refusal: Refusal | null; problem?: ImportProblem | null }
>;

/** The solver worker: the units to balance, each within `timeLimit` seconds. */
export interface SolveRequest {
  problems: BalanceProblem[];
  timeLimit?: number;
}

/** Which unit the solver is at (the `index`-th of `units`), and how far. */
export interface SolverProgress extends SolveProgress {
  unit: string;
  index: number;
  units: number;
}

export type SolveResponse = WorkerMessage<SolverProgress, { proposals: Proposal[] }, object>;
