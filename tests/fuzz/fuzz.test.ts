import { describe, expect, it } from 'vitest';
import { exportSeed, fuzz, fuzzExport } from './fuzz.ts';

/*
 * The fuzz target's small run inside `npm test` (fixed seed, 300 exports);
 * `npm run fuzz` runs 10,000. Every check is on in both.
 */

describe('hostile exports through the domain', () => {
  it('300 generated and mutated exports: no crash, every row accounted for, obligations in their windows, no planted CPR number and no live formula in any output', () => {
    const figures = fuzz({ seed: 16, exports: 300 });
    expect(figures.failures).toEqual([]);
    expect(figures.exports).toBe(300);
    expect(figures.rows).toBeGreaterThan(5_000);
    expect(figures.rejected).toBeGreaterThan(0);
    expect(figures.refused).toBeGreaterThan(0);
    expect(figures.refused).toBeLessThan(150);
  }, 180_000);

  it('an export is made again from its seed alone, byte for byte', () => {
    const seed = exportSeed(16, 41);
    expect(Buffer.from(fuzzExport(seed).bytes).equals(Buffer.from(fuzzExport(seed).bytes))).toBe(true);
    expect(fuzzExport(seed).plants).toEqual(fuzzExport(seed).plants);
  });
});
