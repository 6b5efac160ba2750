import type { GeneratedRow } from './row.ts';

/**
 * A row with the day it reached the case system: its date plus a
 * registration lag. Sorting by `key` gives the file order, which is
 * roughly but not perfectly by date, as case systems export.
 */
export interface Draft {
  row: GeneratedRow;
  key: number;
}

/**
 * Drafts in file order: by key, ties kept in the order they were made.
 * @example toFileOrder([{ row: b, key: 3 }, { row: a, key: 1 }]) // [a, b]
 */
export function toFileOrder(drafts: readonly Draft[]): GeneratedRow[] {
  // Array.prototype.sort is stable (ES2019), so equal keys keep their order.
  return [...drafts].sort((x, y) => x.key - y.key).map((d) => d.row);
}
