/**
 * Pseudonymous ids that look random but never repeat: the i-th id is
 * `offset + i * step` modulo the id space, and `step` is coprime with
 * the space, so i ↦ id is a bijection on it.
 */

const SPACE = 9_000_000; // seven digits: 1000000–9999999
const CASE_STEP = 7_919; // primes, so coprime with 2^6 · 3^2 · 5^6
const MEASURE_STEP = 104_729;

/** The largest number of ids of one kind that stay unique. */
export const MAX_IDS = SPACE;

/**
 * The i-th case id for an offset.
 * @example caseId(0, 12) // 'S1000012'
 */
export function caseId(i: number, offset: number): string {
  return `S${1_000_000 + ((offset + i * CASE_STEP) % SPACE)}`;
}

/**
 * The i-th measure id for an offset.
 * @example measureId(1, 0) // 'F1104729'
 */
export function measureId(i: number, offset: number): string {
  return `F${1_000_000 + ((offset + i * MEASURE_STEP) % SPACE)}`;
}
