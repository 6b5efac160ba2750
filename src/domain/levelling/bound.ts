import type { Job } from './jobs.ts';

/**
 * No plan can have a lower peak (SPEC §7): the maximum over week ranges
 * [a, b] of ceil(n(a, b) / (b − a + 1)), n(a, b) counting the jobs whose
 * whole window lies inside [a, b].
 * @example lowerBound([{ release: 0, due: 0 }, { release: 0, due: 1 }], 2) // 1
 */
export function lowerBound(jobs: readonly Job[], weeks: number): number {
  return boundOfWindows(windowCounts(jobs, weeks), weeks);
}

/**
 * The jobs counted by window: `counts[release * weeks + due]`. Counts of
 * several units add up (`into`), so their pooled bound needs no list of
 * all their jobs.
 * @example windowCounts([{ release: 0, due: 1 }], 2) // Int32Array [0, 1, 0, 0]
 */
export function windowCounts(jobs: readonly Job[], weeks: number, into = new Int32Array(weeks * weeks)): Int32Array {
  for (const j of jobs) into[j.release * weeks + j.due]!++;
  return into;
}

/** The lower bound of jobs counted by window (see `windowCounts`). */
export function boundOfWindows(counts: Int32Array, weeks: number): number {
  let best = 0;
  const inside = new Int32Array(weeks); // for the current a, jobs with release >= a and due == b
  for (let a = weeks - 1; a >= 0; a--) {
    for (let b = 0; b < weeks; b++) inside[b]! += counts[a * weeks + b]!;
    let n = 0;
    for (let b = a; b < weeks; b++) {
      n += inside[b]!;
      const need = Math.ceil(n / (b - a + 1));
      if (need > best) best = need;
    }
  }
  return best;
}

/** The largest weekly count of a plan. @example peak([0, 0, 1], 2) // 2 */
export function peak(plan: readonly number[], weeks: number): number {
  return Math.max(0, ...load(plan, weeks));
}

/** How many jobs a plan puts in each week. @example load([0, 0, 1], 3) // [2, 1, 0] */
export function load(plan: ArrayLike<number>, weeks: number): number[] {
  const out = new Array<number>(weeks).fill(0);
  for (let i = 0; i < plan.length; i++) out[plan[i]!]!++;
  return out;
}

/** Mean of 7 × (due week − planned week) over the jobs; 0 without jobs. @example meanDaysEarly([{ release: 0, due: 2 }], [0]) // 14 */
export function meanDaysEarly(jobs: readonly Job[], plan: ArrayLike<number>): number {
  let early = 0;
  for (let i = 0; i < jobs.length; i++) early += jobs[i]!.due - plan[i]!;
  return jobs.length === 0 ? 0 : (7 * early) / jobs.length;
}
