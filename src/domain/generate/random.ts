/**
 * A small seeded pseudo-random generator and the draws the generator needs.
 *
 * mulberry32 is a 32-bit generator with a good spread for simulation (not
 * for security). Every draw goes through it, so a seed fixes the whole
 * output: no Math.random, no clock, no locale anywhere in generate/.
 */

/** A seeded source of draws. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An index into `weights`, drawn in proportion to the weights. */
  weighted(weights: readonly number[]): number;
  /** An exponential draw with the given mean. */
  exponential(mean: number): number;
  /** A log-normal draw with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number;
}

/**
 * The mulberry32 generator: a function returning floats in [0, 1).
 * @example mulberry32(42)() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded Rng with the usual draws on top of mulberry32.
 * @example createRng(7).int(1, 6) // the same die roll for seed 7, every time
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick: the list is empty');
      return item;
    },
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i] ?? 0;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    logNormal(median, sigma) {
      // Box–Muller; 1 - next() keeps the logarithm finite.
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * z);
    },
  };
  return rng;
}
