import { hypergeometricCdf } from './stats.ts';

/*
 * How many registrations to check (SPEC §9, attribute sampling, exact for
 * a finite population), and how one sample is shared among the units.
 */

export interface SizeRule {
  /** Confidence C, e.g. 0.95. */
  confidence: number;
  /** Tolerable deviation rate T, e.g. 0.05. */
  tolerable: number;
  /** Deviations k the sample may show and still pass. */
  allowed: number;
}

/** A sample size and why: what the rule of SPEC §9 found for this population. */
export interface SampleSize {
  /** N: registrations in the population. */
  population: number;
  /** D = ceil(T × N): the deviations the population would hold at the tolerable rate. */
  deviations: number;
  /** n: the sample size. */
  n: number;
  /** P(k or fewer deviations in n | N, D): at most 1 − C, unless n = N. */
  chance: number;
  /** The same for n − 1, which is above 1 − C (null when n is 0). */
  chanceBelow: number | null;
  /** Every registration is checked: no smaller sample would do. */
  whole: boolean;
}

/**
 * D = ceil(T × N), with T × N read to 9 decimals first: 7 % of 100 is 7,
 * not the 7.000000000000001 of binary floating point.
 * @example tolerableDeviations(100, 0.07) // 7
 */
export function tolerableDeviations(population: number, tolerable: number): number {
  return Math.ceil(Math.round(tolerable * population * 1e9) / 1e9);
}

/**
 * The smallest n for which, were D = ceil(T × N) of the N registrations
 * deviations, the chance of finding k or fewer is at most 1 − C; N when no
 * smaller one does. The chance falls as n grows, so n is found by bisection.
 * @example sampleSize(100_000, { confidence: 0.95, tolerable: 0.05, allowed: 0 }).n // 59
 */
export function sampleSize(population: number, { confidence, tolerable, allowed }: SizeRule): SampleSize {
  const deviations = tolerableDeviations(population, tolerable);
  // Exact ties happen (N = 25, D = 2: no deviation in 19 has the chance 1/20 exactly): a hair of slack keeps them in.
  const alpha = 1 - confidence + 1e-12;
  const chanceAt = (n: number) => hypergeometricCdf(allowed, population, deviations, n);
  let lo = 0;
  let hi = population; // chanceAt(hi) ≤ alpha, or hi = N
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chanceAt(mid) <= alpha) hi = mid;
    else lo = mid + 1;
  }
  const n = lo;
  const chance = chanceAt(n);
  return { population, deviations, n, chance, chanceBelow: n > 0 ? chanceAt(n - 1) : null, whole: n > 0 && n === population };
}

/**
 * Shares `n` among strata in proportion to their sizes by largest
 * remainder: each gets floor(n × N_h / N), and the rest go one each to the
 * largest remainders, the earlier stratum first on a tie (strata come in
 * Danish unit order). Integer arithmetic, so ties are exact.
 * @example allocate(10, [50, 30, 20]) // [5, 3, 2]; allocate(2, [1, 1, 1]) // [1, 1, 0]
 */
export function allocate(n: number, sizes: readonly number[]): number[] {
  const total = sizes.reduce((s, x) => s + x, 0);
  if (!Number.isInteger(n) || n < 0 || n > total) throw new RangeError(`invalid sample: ${n} of ${total} (a whole number from 0 to the population)`);
  if (total === 0) return sizes.map(() => 0);
  const base = sizes.map((size) => Math.floor((n * size) / total));
  const remainder = sizes.map((size, i) => n * size - base[i]! * total);
  const order = sizes.map((_, i) => i).sort((a, b) => remainder[b]! - remainder[a]! || a - b);
  let left = n - base.reduce((s, x) => s + x, 0);
  for (const i of order) {
    if (left === 0) break;
    base[i]!++;
    left--;
  }
  return base;
}
