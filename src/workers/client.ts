import type { Figures } from '../domain/analyze.ts';
import type { ImportProblem } from '../domain/import/problems.ts';
import type { Refusal } from '../domain/reasons.ts';
import analysisUrl from './analyze.worker.ts?worker&url';
import { confinedWorker } from './confined.ts';
import { unpackFigures, type PackedFigures } from './figuresTransfer.ts';
import { runInWorker, untilAborted, type WorkerJob } from './job.ts';
import type { AnalyzeRequest, ImportOptions, Progress } from './protocol.ts';

export type { ImportOptions, Progress } from './protocol.ts';

/** The analysis failed in the worker; `refusal` says why when the file was refused whole. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
  constructor(
    message: string,
    readonly refusal: Refusal | null,
    /** The question that would let the file be read (which columns, which date order, which sheet). */
    readonly problem: ImportProblem | null = null,
  ) {
    super(message);
  }
}

export type AnalysisJob = WorkerJob<Figures>;

export interface StartOptions {
  options?: ImportOptions;
  /** `xlsx` when the input is an Excel workbook's bytes; `sheet` picks one of several sheets. */
  format?: 'text' | 'xlsx';
  sheet?: string;
  onProgress?: (progress: Progress) => void;
  /** Makes a worker; tests pass a fake. */
  createWorker?: () => Worker;
}

/** The share of the progress bar that is the worker's: the page's hand-off (a tenth of the time at a million rows) is the rest. */
const HAND_OFF = 0.92;

const createAnalysisWorker = (): Worker => confinedWorker(analysisUrl, 'sagsflow-analysis');

/**
 * Analyses an export in a Web Worker of its own, one per job, so a cancel can
 * simply terminate it. The worker is handed a copy of the bytes: the caller
 * (the query cache) keeps its own. The copy is made here and transferred,
 * not cloned by `postMessage`, whose serialiser grows its buffer as it goes
 * and held the page for 50–250 ms on a 80 MB file.
 */
export function startAnalysis(input: Uint8Array | string, start: StartOptions = {}): AnalysisJob {
  const copy = typeof input === 'string' ? input : input.slice();
  const request: AnalyzeRequest = {
    input: copy,
    options: start.options ?? {},
    ...(start.format && { format: start.format }),
    ...(start.sheet !== undefined && { sheet: start.sheet }),
  };
  const progress = start.onProgress;
  return runInWorker((start.createWorker ?? createAnalysisWorker)(), request, {
    // The worker's stages take the bar to HAND_OFF; building the figures in the page takes it the rest of the way.
    progress: progress && ((p: Progress) => progress({ ...p, fraction: p.fraction * HAND_OFF })),
    result: ({ figures }: { figures: PackedFigures }) =>
      unpackFigures(figures, progress && { onProgress: (f) => progress({ stage: 'hand-off', fraction: HAND_OFF + (1 - HAND_OFF) * f }) }),
    error: (e: { message: string; refusal: Refusal | null; problem?: ImportProblem | null }) => new AnalysisError(e.message, e.refusal, e.problem ?? null),
    crashed: (message) => new AnalysisError(message || 'The analysis worker failed to start.', null),
    cancelled: 'The analysis was cancelled.',
  }, typeof copy === 'string' ? [] : [copy.buffer]);
}

/** `startAnalysis` as a promise that an AbortSignal cancels (what TanStack Query hands a query). */
export function analyzeInWorker(
  input: Uint8Array | string,
  start: StartOptions & { signal?: AbortSignal } = {},
): Promise<Figures> {
  const { signal, ...rest } = start;
  return untilAborted(signal, () => startAnalysis(input, rest));
}
