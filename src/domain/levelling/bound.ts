import type { Job } from './jobs.ts';

/*
 * Loads, peaks and the lower bound of SPEC §7.2. `backlog` is b(t), the
 * backlog's fixed load per week (§7.1): every plan carries it.
 */

/** No fixed load. */
const NONE: ArrayLike<number> = { length: 0 };

/**
 * No plan can have a lower peak: the maximum over week ranges [a, b] of
 * ceil((n(a, b) + B(a, b)) / (b − a + 1)), n(a, b) counting the jobs whose
 * whole window lies inside [a, b] and B(a, b) the backlog load of those weeks.
 * @example lowerBound([{ release: 0, due: 0 }, { release: 0, due: 1 }], 2) // 1
 */
export function lowerBound(jobs: readonly Job[], weeks: number, backlog: ArrayLike<number> = NONE): number {
  return boundOfWindows(windowCounts(jobs, weeks), weeks, backlog);
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

/** The lower bound of jobs counted by window (see `windowCounts`), with a backlog load. */
export function boundOfWindows(counts: Int32Array, weeks: number, backlog: ArrayLike<number> = NONE): number {
  let best = 0;
  const inside = new Int32Array(weeks); // for the current a, jobs with release >= a and due == b
  for (let a = weeks - 1; a >= 0; a--) {
    for (let b = 0; b < weeks; b++) inside[b]! += counts[a * weeks + b]!;
    let n = 0;
    for (let b = a; b < weeks; b++) {
      n += inside[b]! + (backlog[b] ?? 0);
      const need = Math.ceil(n / (b - a + 1));
      if (need > best) best = need;
    }
  }
  return best;
}

/** The largest weekly load of a plan, its backlog load included. @example peak([0, 0, 1], 2) // 2 */
export function peak(plan: ArrayLike<number>, weeks: number, backlog: ArrayLike<number> = NONE): number {
  return Math.max(0, ...load(plan, weeks, backlog));
}

/** How many follow-ups a plan puts in each week, and the backlog load. @example load([0, 0, 1], 3) // [2, 1, 0] */
export function load(plan: ArrayLike<number>, weeks: number, backlog: ArrayLike<number> = NONE): number[] {
  const out = Array.from({ length: weeks }, (_, w) => backlog[w] ?? 0);
  for (let i = 0; i < plan.length; i++) out[plan[i]!]!++;
  return out;
}

/** Mean of 7 × (due week − planned week) over the jobs; 0 without jobs. @example meanDaysEarly([{ release: 0, due: 2 }], [0]) // 14 */
export function meanDaysEarly(jobs: readonly Job[], plan: ArrayLike<number>): number {
  let early = 0;
  for (let i = 0; i < jobs.length; i++) early += jobs[i]!.due - plan[i]!;
  return jobs.length === 0 ? 0 : (7 * early) / jobs.length;
}
