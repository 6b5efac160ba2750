/*
 * The box of a tooltip drawn in SVG: wide enough for its longest line at
 * the chart's text size, one line below the other.
 */

export interface TooltipBox {
  width: number;
  height: number;
  /** The baseline of line i, from the box's top. */
  lineY: (i: number) => number;
}

/** @example tooltipBox(['Amager, May', 'Total: 4'], 12) // { width: 89, height: 40, … } */
export function tooltipBox(lines: readonly string[], fontSize: number): TooltipBox {
  // About 0.58 em a character, and 4 px between lines.
  const char = (7 * fontSize) / 12;
  const step = fontSize + 4;
  return {
    width: 12 + char * Math.max(...lines.map((l) => l.length)),
    height: 8 + step * lines.length,
    lineY: (i) => fontSize + 6 + step * i,
  };
}
