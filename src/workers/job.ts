import type { WorkerMessage } from './protocol.ts';

/*
 * One job in a worker of its own: post the request, pass progress on,
 * settle with the result or the error. Cancelling terminates the worker at
 * once, whatever it is doing (a parse, a solver run), and rejects with an
 * AbortError. The analysis and the solver share it.
 */

export interface WorkerJob<T> {
  result: Promise<T>;
  /** Stops the work at once by terminating the worker; `result` rejects with an AbortError. */
  cancel(): void;
}

export interface JobHandlers<P, R, E, T> {
  progress?: (progress: P) => void;
  /** The result from the worker's message; a promise where it takes a while to unpack. */
  result: (message: R) => T | PromiseLike<T>;
  error: (message: { message: string } & E) => Error;
  /** The worker failed to load or crashed: no message of its own. */
  crashed: (message: string) => Error;
  /** The AbortError's message. */
  cancelled: string;
}

/** Runs `request` in `worker` and ends the worker when the job settles. */
export function runInWorker<Q, P, R, E, T>(worker: Worker, request: Q, handle: JobHandlers<P, R, E, T>, transfer: Transferable[] = []): WorkerJob<T> {
  let settle: { reject(reason: unknown): void } | undefined;
  const result = new Promise<T>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = ({ data }: MessageEvent<WorkerMessage<P, R, E>>) => {
      if (data.type === 'progress') {
        const { type: _, ...progress } = data;
        return handle.progress?.(progress as unknown as P);
      }
      worker.terminate();
      // Settled through `then`, so that a cancel during a long unpack still rejects at once.
      if (data.type === 'result') Promise.resolve(handle.result(data)).then(resolve, reject);
      else reject(handle.error(data));
    };
    worker.onerror = (event: ErrorEvent) => {
      worker.terminate();
      reject(handle.crashed(event.message));
    };
  });
  worker.postMessage(request, transfer);
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new DOMException(handle.cancelled, 'AbortError'));
    },
  };
}

/** A job as a promise that an AbortSignal cancels (what TanStack Query hands a query). */
export function untilAborted<T>(signal: AbortSignal | undefined, start: () => WorkerJob<T>): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const job = start();
  signal?.addEventListener('abort', () => job.cancel(), { once: true });
  return job.result;
}
