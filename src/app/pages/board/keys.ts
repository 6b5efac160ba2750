/*
 * Moving through the board by keyboard. A position is a swimlane `r`, a
 * column `c` (0 the overdue column, then the weeks) and an item `k` in the
 * cell: its cards, the button that shows the rest, or the empty cell
 * itself. Up and down go through a cell's items and on into the cell
 * above or below; left and right go to the same item in the next cell, or
 * its last where it has fewer.
 */

export interface Pos {
  r: number;
  c: number;
  k: number;
}

export interface Grid {
  rows: number;
  cols: number;
  /** Focusable items in a cell, at least 1. */
  items: (r: number, c: number) => number;
}

/** Where a key moves to from `pos`; null when it does not move (an edge, or another key). */
export function move(pos: Pos, key: string, grid: Grid): Pos | null {
  const { r, c, k } = pos;
  const at = (row: number, col: number, item: number): Pos => ({ r: row, c: col, k: Math.min(item, grid.items(row, col) - 1) });
  switch (key) {
    case 'ArrowDown':
      if (k + 1 < grid.items(r, c)) return { r, c, k: k + 1 };
      return r + 1 < grid.rows ? at(r + 1, c, 0) : null;
    case 'ArrowUp':
      if (k > 0) return { r, c, k: k - 1 };
      return r > 0 ? at(r - 1, c, Infinity) : null;
    case 'ArrowRight':
      return c + 1 < grid.cols ? at(r, c + 1, k) : null;
    case 'ArrowLeft':
      return c > 0 ? at(r, c - 1, k) : null;
    case 'Home':
      return c > 0 || k > 0 ? at(r, 0, 0) : null;
    case 'End':
      return c < grid.cols - 1 || k > 0 ? at(r, grid.cols - 1, 0) : null;
    default:
      return null;
  }
}

/** A position that still exists after the board changed (a lead, a filter), nearest to the old one. */
export function clamp(pos: Pos, grid: Grid): Pos {
  if (grid.rows === 0 || grid.cols === 0) return { r: 0, c: 0, k: 0 };
  const r = Math.min(pos.r, grid.rows - 1);
  const c = Math.min(pos.c, grid.cols - 1);
  return { r, c, k: Math.min(pos.k, grid.items(r, c) - 1) };
}

/** The attribute value that names an item's element. @example posKey({ r: 1, c: 2, k: 0 }) // '1-2-0' */
export const posKey = ({ r, c, k }: Pos): string => `${r}-${c}-${k}`;
