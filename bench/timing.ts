import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--expose-gc');
/** A full garbage collection between runs, so one run's garbage is not billed to the next. */
const gc = runInNewContext('gc') as () => void;

export interface Timing {
  median: number;
  min: number;
}

/**
 * Median and fastest wall time in ms of `runs` calls of `fn`, after
 * `warmup` calls. The minimum helps to read a run on a busy machine.
 * @example timeMs(() => parse(text), { warmup: 2, runs: 7 }).median
 */
export function timeMs(fn: () => unknown, { warmup, runs }: { warmup: number; runs: number }): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return { median: times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2, min: times[0]! };
}

/**
 * Median and slowest wall time in ms of `runs` calls of `fn`, each after
 * `idleMs` of idle time, as when a person moves a control: the engine's
 * own collector runs as it would in the page. For interactive work, where
 * a forced full collection before each run (as `timeMs` does) would bill
 * its lazy sweeping to the run.
 * @example (await timeIdleMs(() => replan(), { warmup: 2, runs: 11 })).median
 */
export async function timeIdleMs(fn: () => unknown, { warmup, runs, idleMs = 30 }: { warmup: number; runs: number; idleMs?: number }): Promise<Timing & { max: number }> {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return { median: times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2, min: times[0]!, max: times[times.length - 1]! };
}
