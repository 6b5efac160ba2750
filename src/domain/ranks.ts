/*
 * Sorting many items by a few distinct values: each distinct value compared
 * once, as a rank, and the items sorted by their ranks as numbers. A plan
 * of a national export has 100,000s of follow-ups and a few hundred units,
 * caseworkers and due dates.
 */

/** Each item's rank (`of[i]`, 0…`count` - 1). */
export interface Rank {
  of: ArrayLike<number>;
  count: number;
}

/**
 * Each item's value's place among the distinct values in `order`, values
 * the order holds equal sharing one. Neighbours in the sorted values are
 * compared: where the order's "equal" is not transitive (the collator holds
 * 0 and ٠ equal, and 0٠ and ٠, but not 0 and 0٠), the ranks follow the
 * sorted list, as a comparison sort with such an order has no one answer.
 * @example ranked(['b', 'a', 'b'], (s) => s, byText) // { of: Int32Array [1, 0, 1], count: 2 }
 */
export function ranked<T>(items: readonly T[], value: (item: T) => string, order: (a: string, b: string) => number): Rank & { of: Int32Array } {
  const id = new Map<string, number>();
  const distinct: string[] = [];
  const of = new Int32Array(items.length);
  items.forEach((item, i) => {
    const v = value(item);
    let k = id.get(v);
    if (k === undefined) id.set(v, (k = distinct.push(v) - 1));
    of[i] = k;
  });
  const sorted = distinct.map((_, k) => k).sort((a, b) => order(distinct[a]!, distinct[b]!));
  const place = new Int32Array(distinct.length);
  sorted.forEach((k, i) => (place[k] = i > 0 && order(distinct[sorted[i - 1]!]!, distinct[k]!) === 0 ? place[sorted[i - 1]!]! : i));
  for (let i = 0; i < of.length; i++) of[i] = place[of[i]!]!;
  return { of, count: distinct.length };
}

/**
 * The indices 0…n-1 in the order of one rank, ties in index order: a
 * counting sort, in time linear in the items and the ranks.
 * @example countingOrder({ of: [2, 0, 2, 1], count: 3 }) // Int32Array [1, 3, 0, 2]
 */
export function countingOrder({ of, count }: Rank): Int32Array {
  const at = new Int32Array(count + 1);
  for (let i = 0; i < of.length; i++) at[of[i]! + 1]!++;
  for (let r = 0; r < count; r++) at[r + 1]! += at[r]!;
  const order = new Int32Array(of.length);
  for (let i = 0; i < of.length; i++) order[at[of[i]!]!++] = i;
  return order;
}

/**
 * The indices 0…n-1 in the order of their ranks, the first rank first,
 * and those with the same ranks by `tie`. Where the ranks and the index
 * fit one number exactly (up to `limit`), the numbers are sorted by the
 * engine's numeric sort, several times faster than a comparison function
 * called for every pair; then only ties are compared by `tie`.
 * @example orderByRanks(3, [{ of: [1, 0, 1], count: 2 }], (i, j) => j - i) // Int32Array [1, 2, 0]
 */
export function orderByRanks(n: number, ranks: readonly Rank[], tie: (i: number, j: number) => number, limit = Number.MAX_SAFE_INTEGER): Int32Array {
  const span = ranks.reduce((s, r) => s * Math.max(r.count, 1), 1);
  if (span * n - 1 > limit) {
    return Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => {
      for (const r of ranks) if (r.of[i] !== r.of[j]) return r.of[i]! - r.of[j]!;
      return tie(i, j);
    });
  }
  // Each index as (its ranks, as one number) × n + index: exact below the limit, so its index is the remainder.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const r of ranks) k = k * r.count + r.of[i]!;
    key[i] = k * n + i;
  }
  key.sort();
  const order = new Int32Array(n);
  for (let a = 0; a < n; a++) order[a] = key[a]! % n;
  for (let a = 0, b = 1; a < n; a = b++) {
    const ranksOf = key[a]! - order[a]!;
    while (b < n && key[b]! - order[b]! === ranksOf) b++;
    if (b - a > 1) order.subarray(a, b).sort(tie);
  }
  return order;
}

/**
 * The rank of each item's pair of ranks (`outer` first): a caseworker
 * within a unit is one of a few thousand pairs, where the two ranks apart
 * would span units × every unit's caseworkers.
 * @example pairRank({ of: [1, 0, 1], count: 2 }, { of: [0, 5, 0], count: 6 }) // { of: Int32Array [1, 0, 1], count: 2 }
 */
export function pairRank(outer: Rank, inner: Rank): Rank {
  const n = outer.of.length;
  const of = new Int32Array(n);
  const pairs = outer.count * inner.count;
  if (pairs <= Math.max(1 << 16, 4 * n)) {
    // Few pairs there could be: each pair's place in a table of them all, the pairs there are numbered in order.
    const place = new Int32Array(pairs);
    for (let i = 0; i < n; i++) place[outer.of[i]! * inner.count + inner.of[i]!] = 1;
    let r = 0;
    for (let p = 0; p < pairs; p++) if (place[p] === 1) place[p] = r++;
    for (let i = 0; i < n; i++) of[i] = place[outer.of[i]! * inner.count + inner.of[i]!]!;
    return { of, count: r };
  }
  const order = orderByRanks(n, [outer, inner], () => 0);
  let r = -1;
  for (let k = 0; k < n; k++) {
    const [i, j] = [order[k]!, order[k - 1]!];
    if (k === 0 || outer.of[i] !== outer.of[j] || inner.of[i] !== inner.of[j]) r++;
    of[i] = r;
  }
  return { of, count: r + 1 };
}
