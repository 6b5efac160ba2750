/*
 * Rows of records as columns, for the trip from a worker to the page.
 *
 * A structured clone of a million small objects is rebuilt property by
 * property in the receiving thread, in one task: seconds during which the
 * page cannot answer. As columns, every number and every reference to a
 * text is one typed array, which `postMessage` moves without a copy (its
 * buffer goes in the transfer list); each column's distinct texts travel
 * once, as the UTF-16 code units of all of them in one transferred array:
 * a million ids as strings would be rebuilt one by one in the page's
 * receiving task (150 ms at a million rows). The page then builds the rows
 * a slice at a time, between which it is free to draw and to answer, and
 * makes each text when a row first needs it, a block of texts at a time.
 */

/** How a field travels: `text` a string or null, `number` a number, `texts` a list of strings. */
export type FieldKind = 'text' | 'number' | 'texts';
/** Every field of a row but the optional ones (a view's own additions, such as `homeUnit`), which do not travel. */
export type Schema<T> = { readonly [K in keyof T as {} extends Pick<T, K> ? never : K]-?: KindOf<T[K]> };
/** The kind a field of this type must travel as, so a schema cannot send a number as text or the reverse. */
type KindOf<V> = [V] extends [number] ? 'number' : [V] extends [readonly string[]] ? 'texts' : [V] extends [string | null] ? 'text' : never;

export interface TextColumn {
  /** Each distinct value once, one after the other, as UTF-16 code units; a list of strings as its JSON. */
  units: Uint16Array;
  /** Where each value ends in `units` (value j is `units[ends[j-1] … ends[j])`). */
  ends: Int32Array;
  /** Each row's index into the values, -1 for null. */
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
  const n = rows.length;
  for (const [key, kind] of Object.entries(schema) as [keyof T & string, FieldKind][]) {
    if (kind === 'number') {
      const column = new Float64Array(n);
      for (let r = 0; r < n; r++) column[r] = rows[r]![key] as number;
      columns[key] = column;
      transfer.push(column.buffer);
      continue;
    }
    const index = new Map<string, number>();
    const values: string[] = [];
    const at = new Int32Array(n);
    // Rows of one measure come one after another and share its texts: the row before's is looked up first.
    let [lastText, last] = ['', -1];
    for (let r = 0; r < n; r++) {
      const value = rows[r]![key] as string | string[] | null;
      if (value === null) {
        at[r] = -1;
        continue;
      }
      const text = kind === 'texts' ? JSON.stringify(value) : (value as string);
      if (last === -1 || text !== lastText) {
        let i = index.get(text);
        if (i === undefined) index.set(text, (i = values.push(text) - 1));
        [lastText, last] = [text, i];
      }
      at[r] = last;
    }
    const column = { ...packTexts(values), at };
    columns[key] = column;
    transfer.push(column.units.buffer, column.ends.buffer, at.buffer);
  }
  return { table: { length: rows.length, columns }, transfer };
}

function packTexts(values: readonly string[]): { units: Uint16Array<ArrayBuffer>; ends: Int32Array<ArrayBuffer> } {
  const ends = new Int32Array(values.length);
  let length = 0;
  for (let j = 0; j < values.length; j++) ends[j] = length += values[j]!.length;
  const units = new Uint16Array(length);
  let u = 0;
  for (const value of values) for (let i = 0; i < value.length; i++) units[u++] = value.charCodeAt(i);
  return { units, ends };
}

/** Values made per block: one string of a block's code units, cut into its values. */
const TEXT_BLOCK = 4096;
/** Code units per String.fromCharCode call (its arguments go on the stack). */
const CHARS_PER_CALL = 8192;

/** Value j of a packed column, made with its block the first time a block's value is asked for. */
function textsOf({ units, ends }: Pick<TextColumn, 'units' | 'ends'>): (j: number) => string {
  const blocks: (string[] | undefined)[] = new Array(Math.ceil(ends.length / TEXT_BLOCK));
  return (j) => {
    const b = Math.floor(j / TEXT_BLOCK);
    let block = blocks[b];
    if (block === undefined) {
      const first = b * TEXT_BLOCK;
      const last = Math.min(ends.length, first + TEXT_BLOCK);
      const from = first === 0 ? 0 : ends[first - 1]!;
      const to = ends[last - 1]!;
      let text = '';
      for (let i = from; i < to; i += CHARS_PER_CALL) text += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + CHARS_PER_CALL)) as unknown as number[]);
      block = blocks[b] = new Array<string>(last - first);
      for (let k = first, at = 0; k < last; k++) block[k - first] = text.slice(at, (at = ends[k]! - from));
    }
    return block[j - b * TEXT_BLOCK]!;
  };
}

/** How the page gives way between two slices of rows (a macrotask: drawing and input come first). */
export type Pause = () => Promise<void>;
export const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows built per slice: a few milliseconds of work on a slow machine. */
export const SLICE = 20_000;

/** How rows come back from their columns: `slice` rows at a time, a `pause` between, `built` told each slice's count. */
export interface Unpacking {
  slice?: number;
  pause?: Pause;
  built?: (rows: number) => void;
}

/** The rows back from their columns, `slice` at a time with a `pause` between. */
export async function fromColumns<T>(table: ColumnTable, schema: Schema<T>, { slice = SLICE, pause = nextTask, built }: Unpacking = {}): Promise<T[]> {
  const fields = Object.entries(schema).map(([key, kind]) => {
    const column = table.columns[key];
    if (column === undefined) throw new TypeError(`column ${key} is missing`);
    if (column instanceof Float64Array) return (_: Record<string, unknown>, i: number) => (_[key] = column[i]);
    const { at } = column;
    const text = textsOf(column);
    // A list is parsed per row: each row has its own array, as a structured clone gives it.
    const value = kind === 'texts' ? (j: number) => JSON.parse(text(j)) as string[] : text;
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
    built?.(end - start);
  }
  return rows;
}
