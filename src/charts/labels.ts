/*
 * Labels placed side by side along one axis without overlapping: each
 * kept as near its mark as the others allow.
 */

/**
 * Positions for labels wanted at `ys`, at least `gap` apart, inside
 * [min, max]: sorted, pushed down where they crowd, then back up from the
 * bottom where they ran past it. Aligned with `ys`.
 * @example spreadLabels([10, 12, 50], 10, 0, 100) // [10, 20, 50]
 */
export function spreadLabels(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((_, i) => i).sort((a, b) => ys[a]! - ys[b]!);
  const out = new Array<number>(ys.length);
  let last = -Infinity;
  for (const i of order) {
    const y = Math.max(ys[i]!, last + gap, min);
    out[i] = y;
    last = y;
  }
  let next = Infinity;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const y = Math.min(out[i]!, next - gap, max);
    out[i] = y;
    next = y;
  }
  return out;
}
