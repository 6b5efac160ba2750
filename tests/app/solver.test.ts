import { describe, expect, it } from 'vitest';
import type { BalanceProblem, Proposal } from '../../src/domain/balance/index.ts';
import type { SolveRequest, SolveResponse } from '../../src/workers/protocol.ts';
import { proposeInWorker, SolverError, startSolving } from '../../src/workers/solver.ts';
import { FakeWorker, using } from './fakeWorker.ts';

const problem: BalanceProblem = { unit: 'Valby', slack: 0, cases: [], caseworkers: [] };
const proposal: Proposal = { unit: 'Valby', before: 0, after: 0, optimum: 0, lowerBound: null, proven: true, caseworkers: [], moves: [], seconds: 0 };

describe('the solver worker client', () => {
  it('sends the units and the time limit, reports progress, and resolves with the proposals', async () => {
    const worker = new FakeWorker<SolveRequest, SolveResponse>([
      { type: 'progress', unit: 'Valby', index: 0, units: 1, stage: 'optimum', seconds: 0, gap: null },
      { type: 'progress', unit: 'Valby', index: 0, units: 1, stage: 'moves', seconds: 0.4, gap: 0.1 },
      { type: 'result', proposals: [proposal] },
    ]);
    const seen: string[] = [];
    const job = startSolving([problem], { timeLimit: 3, onProgress: (p) => seen.push(`${p.unit} ${p.stage} ${p.seconds}`), createWorker: using(worker) });
    await expect(job.result).resolves.toEqual([proposal]);
    expect(worker.received).toEqual([{ problems: [problem], timeLimit: 3 }]);
    expect(seen).toEqual(['Valby optimum 0', 'Valby moves 0.4']);
    expect(worker.terminated).toBe(true);
  });

  it('rejects with the worker’s message when the solver fails', async () => {
    const worker = new FakeWorker<SolveRequest, SolveResponse>([{ type: 'error', message: 'no WebAssembly' }]);
    await expect(startSolving([problem], { createWorker: using(worker) }).result).rejects.toEqual(new SolverError('no WebAssembly'));
  });

  it('cancels by terminating the worker', async () => {
    const worker = new FakeWorker<SolveRequest, SolveResponse>([]);
    const controller = new AbortController();
    const result = proposeInWorker([problem], { signal: controller.signal, createWorker: using(worker) });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
