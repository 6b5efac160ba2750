import type { Job } from './jobs.ts';
import { lowerBound } from './bound.ts';

/*
 * A policy says in which week each job is done: plan[i] is the week of
 * jobs[i]. Policies are plain functions, to be passed where a plan is made;
 * `backlog` is the fixed load b(t) each week already carries (SPEC §7.1).
 */

export type Policy = (jobs: readonly Job[], weeks: number, backlog?: ArrayLike<number>) => number[];

/** Every job in the week it is due. */
export const asDue: Policy = (jobs) => jobs.map((j) => j.due);

/** Every job as early as its window allows: exactly `lead` weeks early, never before w0. */
export const shifted: Policy = (jobs) => jobs.map((j) => j.release);

/**
 * The levelled plan: the lowest possible peak (the lower bound), and among
 * such plans the one that moves work the least. Weeks are filled from the
 * last to the first with up to `bound − b(t)` jobs each, latest release
 * first (earliest-deadline-first run backwards), so each job is as late as
 * the peak allows.
 * @example levelled([{ release: 0, due: 1 }, { release: 0, due: 1 }], 2) // [1, 0]
 */
export const levelled: Policy = (jobs, weeks, backlog) => planWithCapacity(jobs, weeks, lowerBound(jobs, weeks, backlog), backlog);

/** Backwards fill at a given weekly capacity, less each week's backlog load; throws if a job cannot fit. */
export function planWithCapacity(jobs: readonly Job[], weeks: number, capacity: number, backlog: ArrayLike<number> = { length: 0 }): number[] {
  const plan = new Array<number>(jobs.length);
  const dueIn: number[][] = Array.from({ length: weeks }, () => []);
  jobs.forEach((j, i) => dueIn[j.due]!.push(i));
  // Jobs waiting to be placed, by release week; taken latest release first.
  const waiting: number[][] = Array.from({ length: weeks }, () => []);
  let highest = -1;
  for (let w = weeks - 1; w >= 0; w--) {
    for (const i of dueIn[w]!) {
      const r = jobs[i]!.release;
      waiting[r]!.push(i);
      if (r > highest) highest = r;
    }
    let free = capacity - (backlog[w] ?? 0);
    while (free > 0 && highest >= 0) {
      const stack = waiting[highest]!;
      if (stack.length === 0) {
        highest--;
        continue;
      }
      if (highest > w) break;
      plan[stack.pop()!] = w;
      free--;
    }
    while (highest >= 0 && waiting[highest]!.length === 0) highest--;
    if (highest >= w) throw new RangeError(`capacity ${capacity} is too low: a job released in week ${highest} cannot be placed`);
  }
  return plan;
}
