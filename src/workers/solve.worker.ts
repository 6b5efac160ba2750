/// <reference lib="webworker" />
import loadHighs, { type Highs } from 'highs';
// The solver's WebAssembly, served from the page's own origin as an asset of the build.
import wasmUrl from 'highs/runtime?url';
import { propose } from '../domain/balance/solve.ts';
import type { SolveRequest, SolveResponse } from './protocol.ts';

/*
 * The balancing solver (SPEC §10) off the main thread: HiGHS blocks while
 * it works. This worker is its own chunk, made only when a proposal is
 * asked for, so HiGHS (3.5 MB of WebAssembly) never weighs on the first
 * page load.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SolveResponse): void => scope.postMessage(message);

let solver: Promise<Highs> | undefined;

scope.onmessage = async ({ data }: MessageEvent<SolveRequest>) => {
  try {
    const highs = await (solver ??= loadHighs({ locateFile: () => wasmUrl }));
    const units = data.problems.length;
    const proposals = data.problems.map((problem, index) => {
      post({ type: 'progress', unit: problem.unit, index, units, stage: 'optimum', seconds: 0, gap: null });
      return propose(highs, problem, {
        ...(data.timeLimit !== undefined && { timeLimit: data.timeLimit }),
        onProgress: (p) => post({ type: 'progress', unit: problem.unit, index, units, ...p }),
      });
    });
    post({ type: 'result', proposals });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
