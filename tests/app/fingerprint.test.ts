import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fingerprint } from '../../src/app/import/fingerprint.ts';

describe('a local file’s mark in the address', () => {
  it('is eight hex digits, the same for the same bytes wherever they sit in memory', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 3 }), (bytes, offset) => {
        const shifted = new Uint8Array(bytes.length + offset);
        shifted.set(bytes, offset);
        const mark = fingerprint(bytes);
        expect(mark).toMatch(/^[0-9a-f]{8}$/);
        expect(fingerprint(shifted.subarray(offset))).toBe(mark);
      }),
    );
  });

  it('changes when any one byte changes, in a whole word or in the tail, and when a zero byte is added', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, delta) => {
        const changed = bytes.slice();
        const i = at % bytes.length;
        changed[i] = (changed[i]! + delta) & 0xff;
        expect(fingerprint(changed)).not.toBe(fingerprint(bytes));
        const longer = new Uint8Array(bytes.length + 1);
        longer.set(bytes);
        expect(fingerprint(longer)).not.toBe(fingerprint(bytes));
      }),
    );
  });
});
