import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { danishOrder } from '../../src/domain/collate.ts';

/*
 * danishOrder answers pairs of ids that differ first in a digit without
 * the collator (a plan sorts hundreds of thousands of them): its answer
 * must be the collator's own, for every pair.
 */

const collator = new Intl.Collator('da', { sensitivity: 'variant', numeric: true });
const sign = (n: number) => Math.sign(n);
/** Texts of the characters where the shortcut and the collator could part: digits, letters of both cases, aa (å), æøå, a combining accent, a space, a dash, another script's digit. */
const text = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', 'a', 'A', 'S', 's', 'æ', 'ø', 'å', 'Å', '\u0301', ' ', '-', '٣'), maxLength: 8 });
/** A text and the same one with a character changed, put in or left out: pairs that share a beginning, as ids do. */
const pair = fc.tuple(text, fc.nat(8), text, fc.boolean()).map(([a, at, insert, replace]): [string, string] => {
  const k = Math.min(at, a.length);
  return [a, a.slice(0, k) + insert + a.slice(replace ? k + 1 : k)];
});

describe('danishOrder', () => {
  it('orders every pair as the Danish collator does', () => {
    fc.assert(fc.property(fc.oneof(pair, fc.tuple(text, text)), ([a, b]) => {
      expect(sign(danishOrder(a, b))).toBe(sign(collator.compare(a, b)));
    }), { numRuns: 5000 });
  });

  it('leaves numbers longer than the collator weighs at once (254 digits) to it', () => {
    for (const [a, b] of [
      ['0' + '9'.repeat(254), '1' + '0'.repeat(254)],
      ['S0' + '9'.repeat(254), 'S1' + '0'.repeat(254)],
      ['1'.repeat(254) + '0' + '9'.repeat(254), '1'.repeat(254) + '1' + '0'.repeat(254)],
    ] as const) {
      expect(sign(danishOrder(a, b))).toBe(sign(collator.compare(a, b)));
    }
  });

  it('orders ids by their numbers, and Danish letters after z', () => {
    expect(['S10', 'S9', 'S09', 'Saa1', 'Sz1', 'S4082814', 'S5781487', 'S0999'].sort(danishOrder)).toEqual(['S9', 'S09', 'S10', 'S0999', 'S4082814', 'S5781487', 'Sz1', 'Saa1']);
  });
});
