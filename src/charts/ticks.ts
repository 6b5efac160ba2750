/*
 * Axis ticks as data: where each tick stands and what it says. Axes draw
 * them with {#each}; d3 scales decide the values.
 */

export interface Tick {
  key: string;
  /** Position along the axis in pixels. */
  at: number;
  label: string;
  /** A second line under the label (a week's Monday under its number). */
  note?: string;
}

interface LinearLike {
  (value: number): number;
  ticks(count?: number): number[];
}

interface BandLike {
  (value: string): number | undefined;
  domain(): string[];
  bandwidth(): number;
}

/** Ticks of a linear scale. @example linearTicks(scaleLinear([0, 10], [100, 0]), 5, String) */
export function linearTicks(scale: LinearLike, count: number, format: (n: number) => string): Tick[] {
  return scale.ticks(count).map((v) => ({ key: String(v), at: scale(v), label: format(v) }));
}

/**
 * Ticks at band centres, thinned so labels of about `labelPx` pixels do not
 * overlap.
 */
export function bandTicks(scale: BandLike, format: (v: string) => string = String, labelPx = 0): Tick[] {
  const domain = scale.domain();
  const every = labelPx > 0 ? Math.max(1, Math.ceil(labelPx / Math.max(1, scale.bandwidth()))) : 1;
  return domain
    .filter((_, i) => i % every === 0)
    .map((v) => ({ key: v, at: (scale(v) ?? 0) + scale.bandwidth() / 2, label: format(v) }));
}
