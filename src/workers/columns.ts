/*
 * Rows of records as columns, for the trip from a worker to the page.
 *
 * A structured clone of a million small objects is rebuilt property by
 * property in the receiving thread, in one task: seconds during which the
 * page cannot answer. As columns, every number and every reference to a
 * text is one typed array, which `postMessage` moves without a copy (its
 * buffer goes in the transfer list); each column's distinct texts travel
 * once. The page then builds the rows a slice at a time, between which it
 * is free to draw and to answer.
 */

/** How a field travels: `text` a string or null, `number` a number, `texts` a list of strings. */
export type FieldKind = 'text' | 'number' | 'texts';
/** Every field of a row but the optional ones (a view's own additions, such as `homeUnit`), which do not travel. */
export type Schema<T> = { readonly [K in keyof T as {} extends Pick<T, K> ? never : K]-?: KindOf<T[K]> };
/** The kind a field of this type must travel as, so a schema cannot send a number as text or the reverse. */
type KindOf<V> = [V] extends [number] ? 'number' : [V] extends [readonly string[]] ? 'texts' : [V] extends [string | null] ? 'text' : never;

export interface TextColumn {
  /** Each distinct value once; a list of strings as its JSON. */
  values: string[];
  /** Each row's index into `values`, -1 for null. */
  at: Int32Array;
}

export interface ColumnTable {
  length: number;
  columns: Record<string, TextColumn | Float64Array>;
}

/** Rows as columns, and the buffers to transfer with them. @example toColumns([{ a: 'x', n: 1 }], { a: 'text', n: 'number' }).table.columns.n // Float64Array [1] */
export function toColumns<T extends object>(rows: readonly T[], schema: Schema<T>): { table: ColumnTable; transfer: ArrayBuffer[] } {
  const columns: ColumnTable['columns'] = {};
  const transfer: ArrayBuffer[] = [];
  for (const [key, kind] of Object.entries(schema) as [keyof T & string, FieldKind][]) {
    if (kind === 'number') {
      const column = Float64Array.from(rows, (row) => row[key] as number);
      columns[key] = column;
      transfer.push(column.buffer);
      continue;
    }
    const index = new Map<string, number>();
    const values: string[] = [];
    const at = Int32Array.from(rows, (row) => {
      const value = row[key] as string | string[] | null;
      if (value === null) return -1;
      const text = kind === 'texts' ? JSON.stringify(value) : (value as string);
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = values.push(text) - 1));
      return i;
    });
    columns[key] = { values, at };
    transfer.push(at.buffer);
  }
  return { table: { length: rows.length, columns }, transfer };
}

/** How the page gives way between two slices of rows (a macrotask: drawing and input come first). */
export type Pause = () => Promise<void>;
export const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows built per slice: a few milliseconds of work on a slow machine. */
export const SLICE = 20_000;

/** The rows back from their columns, `slice` at a time with a `pause` between. */
export async function fromColumns<T>(table: ColumnTable, schema: Schema<T>, { slice = SLICE, pause = nextTask }: { slice?: number; pause?: Pause } = {}): Promise<T[]> {
  const fields = Object.entries(schema).map(([key, kind]) => {
    const column = table.columns[key];
    if (column === undefined) throw new TypeError(`column ${key} is missing`);
    if (column instanceof Float64Array) return (_: Record<string, unknown>, i: number) => (_[key] = column[i]);
    const { values, at } = column;
    // A list is parsed per row: each row has its own array, as a structured clone gives it.
    const value = kind === 'texts' ? (j: number) => JSON.parse(values[j]!) as string[] : (j: number) => values[j]!;
    return (_: Record<string, unknown>, i: number) => {
      const j = at[i]!;
      _[key] = j < 0 ? null : value(j);
    };
  });
  const rows = new Array<T>(table.length);
  for (let start = 0; start < table.length; start += slice) {
    if (start > 0) await pause();
    const end = Math.min(table.length, start + slice);
    for (let i = start; i < end; i++) {
      const row: Record<string, unknown> = {};
      for (const set of fields) set(row, i);
      rows[i] = row as T;
    }
  }
  return rows;
}
