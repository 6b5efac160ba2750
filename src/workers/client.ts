import type { Figures } from '../domain/analyze.ts';
import type { ImportProblem } from '../domain/import/problems.ts';
import type { Refusal } from '../domain/reasons.ts';
import type { AnalyzeRequest, AnalyzeResponse, ImportOptions, Progress } from './protocol.ts';

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

export interface AnalysisJob {
  result: Promise<Figures>;
  /** Stops the work at once by terminating the worker; `result` rejects with an AbortError. */
  cancel(): void;
}

export interface StartOptions {
  options?: ImportOptions;
  /** `xlsx` when the input is an Excel workbook's bytes; `sheet` picks one of several sheets. */
  format?: 'text' | 'xlsx';
  sheet?: string;
  onProgress?: (progress: Progress) => void;
  /** Makes a worker; tests pass a fake. */
  createWorker?: () => Worker;
}

const createAnalysisWorker = (): Worker =>
  new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module', name: 'sagsflow-analysis' });

/**
 * Analyses an export in a Web Worker of its own, one per job, so a cancel can
 * simply terminate it. The input is copied to the worker, not transferred:
 * the caller (the query cache) keeps its bytes.
 */
export function startAnalysis(input: Uint8Array | string, start: StartOptions = {}): AnalysisJob {
  const worker = (start.createWorker ?? createAnalysisWorker)();
  let settle: { reject(reason: unknown): void } | undefined;

  const result = new Promise<Figures>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = ({ data }: MessageEvent<AnalyzeResponse>) => {
      if (data.type === 'progress') return start.onProgress?.({ stage: data.stage, fraction: data.fraction });
      worker.terminate();
      if (data.type === 'result') resolve(data.figures);
      else reject(new AnalysisError(data.message, data.refusal, data.problem ?? null));
    };
    worker.onerror = (event: ErrorEvent) => {
      worker.terminate();
      reject(new AnalysisError(event.message || 'The analysis worker failed to start.', null));
    };
  });

  const request: AnalyzeRequest = {
    input,
    options: start.options ?? {},
    ...(start.format && { format: start.format }),
    ...(start.sheet !== undefined && { sheet: start.sheet }),
  };
  worker.postMessage(request);

  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new DOMException('The analysis was cancelled.', 'AbortError'));
    },
  };
}

/** `startAnalysis` as a promise that an AbortSignal cancels (what TanStack Query hands a query). */
export function analyzeInWorker(
  input: Uint8Array | string,
  start: StartOptions & { signal?: AbortSignal } = {},
): Promise<Figures> {
  const { signal, ...rest } = start;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const job = startAnalysis(input, rest);
  signal?.addEventListener('abort', () => job.cancel(), { once: true });
  return job.result;
}
