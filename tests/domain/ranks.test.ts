import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byText, danishOrder } from '../../src/domain/collate.ts';
import { countingOrder, orderByRanks, pairRank, ranked, type Rank } from '../../src/domain/ranks.ts';

/*
 * Sorting by ranks packs each item's ranks and index into one number where
 * they fit, and compares otherwise: both must give the order of comparing
 * the items' ranks one by one, then the tie.
 */

const items = fc.array(fc.record({ a: fc.nat(3), b: fc.nat(4), c: fc.nat(2), id: fc.nat(5) }), { maxLength: 60 });
const byHand = (xs: { a: number; b: number; c: number; id: number }[]) =>
  xs.map((_, i) => i).sort((i, j) => xs[i]!.a - xs[j]!.a || xs[i]!.b - xs[j]!.b || xs[i]!.c - xs[j]!.c || xs[j]!.id - xs[i]!.id || i - j);

describe('orderByRanks', () => {
  it('orders by each rank in turn, then by the tie, packed into numbers or compared', () => {
    fc.assert(fc.property(items, (xs) => {
      const ranks: Rank[] = [
        { of: xs.map((x) => x.a), count: 4 },
        { of: xs.map((x) => x.b), count: 5 },
        { of: xs.map((x) => x.c), count: 3 },
      ];
      const tie = (i: number, j: number) => xs[j]!.id - xs[i]!.id || i - j;
      const expected = byHand(xs);
      expect([...orderByRanks(xs.length, ranks, tie)]).toEqual(expected);
      expect([...orderByRanks(xs.length, ranks, tie, 0)]).toEqual(expected);
    }));
  });

  it('gives the order of one rank by counting, ties in index order, as the numeric path does', () => {
    fc.assert(fc.property(fc.array(fc.nat(6), { maxLength: 60 }), (of) => {
      expect([...countingOrder({ of, count: 7 })]).toEqual([...orderByRanks(of.length, [{ of, count: 7 }], (i, j) => i - j)]);
    }));
  });

  it('keeps ties in the order the tie gives them, also across a boundary of the packed numbers', () => {
    // 3 items, one rank of 2: keys 0·3+0, 1·3+1, 0·3+2; the tie reverses the two of rank 0.
    expect([...orderByRanks(3, [{ of: [0, 1, 0], count: 2 }], (i, j) => j - i)]).toEqual([2, 0, 1]);
    expect([...orderByRanks(0, [{ of: [], count: 0 }], () => 0)]).toEqual([]);
  });
});

describe('ranked', () => {
  it('gives each value its place among the distinct values, values the order holds equal one place', () => {
    expect([...ranked(['b', 'a', 'b', 'c'], (s) => s, byText).of]).toEqual([1, 0, 1, 2]);
    // Danish order: numbers by value, Å after Z.
    const r = ranked(['Åse', 'Zoe', 'Team 10', 'Team 9'], (s) => s, danishOrder);
    expect([...r.of]).toEqual([3, 2, 1, 0]);
    const equal = ranked(['x', 'X', 'x'], (s) => s, (a, b) => byText(a.toLowerCase(), b.toLowerCase()));
    expect([...equal.of]).toEqual([0, 0, 0]);
    expect(equal.count).toBe(2);
  });
});

describe('pairRank', () => {
  it('ranks each pair of ranks, the outer first, as one rank of the pairs there are', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(6)), { maxLength: 50 }), (pairs) => {
      const r = pairRank({ of: pairs.map((p) => p[0]), count: 5 }, { of: pairs.map((p) => p[1]), count: 7 });
      const distinct = [...new Set(pairs.map(([a, b]) => a * 7 + b))].sort((x, y) => x - y);
      expect([...(r.of as Int32Array)]).toEqual(pairs.map(([a, b]) => distinct.indexOf(a * 7 + b)));
      expect(r.count).toBe(distinct.length);
      // As many pairs as could be from 5,000 units and 5,000 caseworkers: sorted, not looked up in a table of them all.
      const wide = pairRank({ of: pairs.map((p) => p[0]), count: 5000 }, { of: pairs.map((p) => p[1]), count: 5000 });
      expect([...(wide.of as Int32Array)]).toEqual([...(r.of as Int32Array)]);
      expect(wide.count).toBe(r.count);
    }));
  });
});

