import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import { countInterpolator, LOAD_COLORS, textHalo, textOn } from '../../src/charts/colors.ts';

function luminance(color: string): number {
  const { r, g, b } = rgb(color);
  const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('colours', () => {
  it('cell numbers reach 4.5:1 against their halo everywhere on the ramp, and the cell colour helps at the ends', () => {
    for (let t = 0; t <= 1; t += 0.01) {
      const ink = textOn(t);
      expect(contrast(ink, textHalo(ink))).toBeGreaterThanOrEqual(4.5);
      if (t < 0.4 || t > 0.6) expect(contrast(ink, countInterpolator(t))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the count ramp gets darker as the count grows', () => {
    for (let t = 0.05; t <= 1; t += 0.05) expect(luminance(countInterpolator(t))).toBeLessThan(luminance(countInterpolator(t - 0.05)));
  });

  it('every mark of the weekly load reaches 3:1 on white, and the backlog is told from the capacity', () => {
    for (const color of Object.values(LOAD_COLORS)) expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(LOAD_COLORS.backlog).not.toBe(LOAD_COLORS.capacity);
  });
});
