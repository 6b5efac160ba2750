import type { BalanceProblem, Proposal } from '../domain/balance/index.ts';
import { confinedWorker } from './confined.ts';
import { runInWorker, untilAborted, type WorkerJob } from './job.ts';
import type { SolveRequest, SolverProgress } from './protocol.ts';
import solverUrl from './solve.worker.ts?worker&url';

export type { SolverProgress } from './protocol.ts';

/** The solver failed in its worker (it could not load, or a bug). */
export class SolverError extends Error {
  override name = 'SolverError';
}

export interface SolveStart {
  /** Seconds per unit (the domain's default when absent). */
  timeLimit?: number;
  onProgress?: (progress: SolverProgress) => void;
  signal?: AbortSignal;
  /** Makes a worker; tests pass a fake. */
  createWorker?: () => Worker;
}

const createSolverWorker = (): Worker => confinedWorker(solverUrl, 'sagsflow-solver');

/**
 * Balances units in a worker of its own; `cancel` (or the signal) terminates it.
 * @example await proposeInWorker([problem], { onProgress: (p) => console.log(p.stage) })
 */
export function startSolving(problems: BalanceProblem[], start: SolveStart = {}): WorkerJob<Proposal[]> {
  const request: SolveRequest = { problems, ...(start.timeLimit !== undefined && { timeLimit: start.timeLimit }) };
  return runInWorker((start.createWorker ?? createSolverWorker)(), request, {
    progress: start.onProgress,
    result: ({ proposals }: { proposals: Proposal[] }) => proposals,
    error: ({ message }) => new SolverError(message),
    crashed: (message) => new SolverError(message || 'The solver failed to start.'),
    cancelled: 'The proposal was cancelled.',
  });
}

/** `startSolving` as a promise that an AbortSignal cancels. */
export function proposeInWorker(problems: BalanceProblem[], start: SolveStart = {}): Promise<Proposal[]> {
  const { signal, ...rest } = start;
  return untilAborted(signal, () => startSolving(problems, rest));
}
