import { danishOrder } from '../collate.ts';

/**
 * How many units a view draws at most. A file can name thousands of units
 * (a column mix-up); a chart, a table or a board of each would freeze the
 * page, and no person reads more than this many side by side.
 */
export const UNIT_LIMIT = 16;

/** Which units a view draws, and which it leaves to one summed row (or out). */
export interface UnitScope {
  /** The largest units, and those asked for by name, in Danish order. */
  shown: string[];
  /** The others, in Danish order; empty when every unit is shown. */
  rest: string[];
}

export interface LargestOptions {
  /** At most this many of the largest units (default UNIT_LIMIT). */
  limit?: number;
  /** Units always shown, on top of the largest (a unit chosen in a view); names not among `units` are ignored. */
  keep?: readonly string[];
}

/**
 * The `limit` largest units by `weight` (ties in Danish order), plus the
 * ones to keep; every other unit in `rest`. Linear in the units but for one
 * sort: safe on 14,000 of them.
 * @example largestUnits(['A', 'B', 'C'], (u) => ({ A: 1, B: 5, C: 3 })[u], { limit: 2 }) // { shown: ['B', 'C'], rest: ['A'] }
 */
export function largestUnits(units: readonly string[], weight: (unit: string) => number, options: LargestOptions = {}): UnitScope {
  const limit = options.limit ?? UNIT_LIMIT;
  if (units.length <= limit) return { shown: [...units].sort(danishOrder), rest: [] };
  const known = new Set(units);
  const weights = new Map(units.map((u) => [u, weight(u)]));
  const byWeight = [...units].sort((a, b) => weights.get(b)! - weights.get(a)! || danishOrder(a, b));
  const picked = new Set(byWeight.slice(0, limit));
  for (const u of options.keep ?? []) if (known.has(u)) picked.add(u);
  return {
    shown: [...picked].sort(danishOrder),
    rest: units.filter((u) => !picked.has(u)).sort(danishOrder),
  };
}

/**
 * Two records of the same shape added: numbers summed, arrays element by
 * element, objects key by key; anything else (a date, a name) kept from `a`.
 * @example addShapes({ n: 1, xs: [1, 2] }, { n: 2, xs: [3, 4] }) // { n: 3, xs: [4, 6] }
 */
export function addShapes<T>(a: T, b: T): T {
  if (typeof a === 'number' && typeof b === 'number') return (a + b) as T;
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => (i < b.length ? addShapes(x, b[i]) : x)) as T;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) out[k] = k in b ? addShapes(v, (b as Record<string, unknown>)[k]) : v;
    return out as T;
  }
  return a;
}

/**
 * A per-unit record with the rest's entries summed into one under `restName`
 * (SPEC's figures are counts: the shown units and the rest add up to the
 * whole). Units absent from `byUnit` are skipped.
 * @example foldUnits({ A: 1, B: 2, C: 3 }, { shown: ['C'], rest: ['A', 'B'] }, 'Other') // { C: 3, Other: 3 }
 */
export function foldUnits<T>(byUnit: Readonly<Record<string, T>>, scope: UnitScope, restName: string): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const u of scope.shown) if (u in byUnit) out[u] = byUnit[u]!;
  let rest: T | undefined;
  for (const u of scope.rest) {
    if (!(u in byUnit)) continue;
    rest = rest === undefined ? byUnit[u]! : addShapes(rest, byUnit[u]!);
  }
  if (rest !== undefined) out[restName] = rest;
  return out;
}
