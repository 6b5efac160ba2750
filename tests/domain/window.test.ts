import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../src/charts/window.ts';

describe('rowWindow', () => {
  it('draws the rows in view and a few either side, with spacers for the rest', () => {
    expect(rowWindow({ count: 1000, rowHeight: 20, scrollTop: 200, viewport: 100, overscan: 5 })).toEqual({ start: 5, end: 20, before: 100, after: 19_600 });
    expect(rowWindow({ count: 3, rowHeight: 20, scrollTop: 0, viewport: 600, overscan: 5 })).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    // Scrolled past the end of a list that got shorter: its last rows, not none.
    expect(rowWindow({ count: 100, rowHeight: 20, scrollTop: 1e6, viewport: 100, overscan: 0 })).toEqual({ start: 95, end: 100, before: 1900, after: 0 });
  });

  it('keeps the list its full height and every row in view drawn, wherever it is scrolled', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 80 }), fc.double({ min: -100, max: 5e6, noNaN: true }), fc.nat(2000), fc.nat(20), (count, rowHeight, scrollTop, viewport, overscan) => {
        const w = rowWindow({ count, rowHeight, scrollTop, viewport, overscan });
        expect(0 <= w.start && w.start <= w.end && w.end <= count).toBe(true);
        expect(w.before + (w.end - w.start) * rowHeight + w.after).toBeCloseTo(count * rowHeight, 6);
        // Every row that overlaps the viewport is drawn.
        const top = Math.max(0, Math.min(scrollTop, count * rowHeight - viewport));
        const firstSeen = Math.floor(top / rowHeight);
        const lastSeen = Math.min(count, Math.ceil((top + viewport) / rowHeight));
        for (const i of [firstSeen, lastSeen - 1]) if (firstSeen <= i && i < lastSeen) expect(w.start <= i && i < w.end).toBe(true);
        expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewport / rowHeight) + 2 * overscan + 1);
      }),
    );
  });
});
