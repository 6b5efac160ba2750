/*
 * Where a pointer is in a chart's own coordinates, and which sample it is
 * nearest to. The SVG may be drawn narrower than its viewBox (max-width),
 * so client pixels are scaled back to plot pixels.
 */

/** The pointer's x inside `element` (a rect spanning the plot), in plot pixels. */
export function plotX(event: { clientX: number }, element: Element, innerWidth: number): number {
  const box = element.getBoundingClientRect();
  const scale = box.width > 0 ? innerWidth / box.width : 1;
  return (event.clientX - box.left) * scale;
}

/**
 * The index of the position in `xs` (ascending) nearest to `px`.
 * @example nearestIndex([0, 10, 20], 14) // 1
 */
export function nearestIndex(xs: readonly number[], px: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - px) < Math.abs(xs[best]! - px)) best = i;
  return best;
}
