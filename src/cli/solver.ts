import type { Highs } from 'highs';

let loading: Promise<Highs> | undefined;

/**
 * HiGHS in Node: its loader finds highs.wasm beside itself in the package.
 * Loaded once, and only by the commands that solve.
 */
export function loadSolver(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}
