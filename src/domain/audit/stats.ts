import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import hypergeometricCdfOf from '@stdlib/stats-base-dists-hypergeometric-cdf';

/*
 * The two distributions the sample audit needs (SPEC §9), from stdlib
 * (ports of Boost's and Cephes' algorithms, tested against them): the
 * hypergeometric CDF for the sample size and the beta quantile for the
 * Clopper–Pearson bound. This module only names them in the audit's terms.
 */

/**
 * P(X ≤ x) for X the deviations found in a sample of `n` drawn without
 * replacement from `population` rows of which `deviations` deviate.
 * @example hypergeometricCdf(0, 1000, 50, 59) // ≈ 0.0442
 */
export function hypergeometricCdf(x: number, population: number, deviations: number, n: number): number {
  return hypergeometricCdfOf(x, population, deviations, n);
}

/**
 * The exact one-sided upper bound at `confidence` of a deviation rate seen
 * as `x` in `n` (Clopper–Pearson): the p with P(X ≤ x | n, p) = 1 − C, which
 * is the beta quantile B(C; x + 1, n − x); 1 when every row deviates.
 * @example upperBound(0, 59, 0.95) // ≈ 0.0495; upperBound(5, 127, 0.95) // ≈ 0.0810
 */
export function upperBound(x: number, n: number, confidence: number): number {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(x) || x < 0 || x > n) {
    throw new RangeError(`invalid deviations: ${x} of ${n} (a whole number from 0 to the sample size, which is at least 1)`);
  }
  return x === n ? 1 : betaQuantile(confidence, x + 1, n - x);
}
