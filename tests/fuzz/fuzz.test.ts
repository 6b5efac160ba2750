import { describe, expect, it } from 'vitest';
import { checkExport, exportSeed, fuzz, fuzzExport, PENDING, PENDING_FIXES_OF_ITEMS_1_AND_2, type Check } from './fuzz.ts';

/*
 * The fuzz target's small run inside `npm test` (fixed seed, 300 exports);
 * `npm run fuzz` runs 10,000 with every check on. The checks whose fixes
 * are still to be merged (PENDING in fuzz.ts) are left out here until then.
 */

describe('hostile exports through the domain', () => {
  it('300 generated and mutated exports: no crash, every row accounted for, obligations in their windows, no planted CPR number and no live formula in any output', () => {
    const figures = fuzz({ seed: 16, exports: 300, skip: PENDING });
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

  it.runIf(PENDING_FIXES_OF_ITEMS_1_AND_2)('the pending checks still find the defects they wait for (flip PENDING_FIXES_OF_ITEMS_1_AND_2 once they are merged)', () => {
    const found = new Set<Check>();
    for (let i = 0; i < 40 && found.size < PENDING.size; i++) for (const f of checkExport(exportSeed(16, i)).failures) found.add(f.check);
    expect([...found].sort()).toEqual([...PENDING].sort());
  }, 60_000);
});
