import type { QueryClient, QueryKey } from '@tanstack/svelte-query';
import type { Progress } from '../../workers/client.ts';

/*
 * One analysis in the worker as the page follows it: the progress it
 * reports, and whether the person cancelled it. An export from the list and
 * a file opened on this computer are followed the same way.
 */
export class AnalysisRun {
  progress = $state.raw<Progress | null>(null);
  cancelled = $state(false);
  readonly #client: QueryClient;
  readonly #key: () => QueryKey;

  /** `key`: the analysis query's key, read when cancelling (it changes with each new answer or fetch). */
  constructor(client: QueryClient, key: () => QueryKey) {
    this.#client = client;
    this.#key = key;
  }

  /** Hand it to the worker: each report it sends lands here. */
  readonly onProgress = (progress: Progress): void => {
    this.progress = progress;
  };

  /** Stops the worker (cancelling the query aborts its signal) and says so. */
  cancel(): void {
    this.cancelled = true;
    void this.#client.cancelQueries({ queryKey: this.#key(), exact: true });
  }

  /** Before the work starts again: no longer cancelled, no progress yet. */
  reset(): void {
    this.cancelled = false;
    this.progress = null;
  }
}
