import type { BalanceProblem, Proposal } from '../../../domain/balance/index.ts';
import type { WorkerJob } from '../../../workers/job.ts';
import { startSolving, type SolverProgress } from '../../../workers/solver.ts';

/*
 * One unit's proposal being worked out in the solver worker. A new problem
 * cancels the run before it (its worker is terminated), so the page only
 * ever shows the proposal for what it shows.
 */

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export class ProposalRun {
  status = $state<RunStatus>('idle');
  progress = $state.raw<SolverProgress | null>(null);
  proposal = $state.raw<Proposal | null>(null);
  error = $state<string | null>(null);
  /** The problem of the run shown (or running), to run again after a cancel. */
  problem = $state.raw<BalanceProblem | null>(null);
  #job: WorkerJob<Proposal[]> | null = null;
  readonly #start: typeof startSolving;
  readonly #timeLimit: number | undefined;

  constructor(start: typeof startSolving = startSolving, timeLimit?: number) {
    this.#start = start;
    this.#timeLimit = timeLimit;
  }

  run(problem: BalanceProblem): void {
    this.#job?.cancel();
    this.problem = problem;
    this.status = 'running';
    this.progress = null;
    this.error = null;
    const job = this.#start([problem], {
      ...(this.#timeLimit !== undefined && { timeLimit: this.#timeLimit }),
      onProgress: (p) => {
        if (this.#job === job) this.progress = p;
      },
    });
    this.#job = job;
    job.result.then(
      ([proposal]) => {
        if (this.#job !== job) return;
        this.proposal = proposal ?? null;
        this.status = 'done';
      },
      (error: unknown) => {
        if (this.#job !== job) return;
        const cancelled = error instanceof DOMException && error.name === 'AbortError';
        this.status = cancelled ? 'cancelled' : 'failed';
        this.error = cancelled ? null : error instanceof Error ? error.message : String(error);
      },
    );
  }

  /** Stops the run at once (its worker is terminated). */
  cancel(): void {
    if (this.status === 'running') this.#job?.cancel();
  }

  /** Ends any run, when the page leaves the view. */
  dispose(): void {
    this.#job?.cancel();
    this.#job = null;
  }
}
