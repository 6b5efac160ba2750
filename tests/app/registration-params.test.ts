import { describe, expect, it } from 'vitest';
import { cellOf, monthRangeOf, registration as P } from '../../src/app/pages/registration/params.ts';

const confidenceOf = (s: string | null) => P.confidence.read(s);
const tolerableOf = (s: string | null) => P.tolerable.read(s);
const allowedOf = (s: string | null) => P.allowed.read(s);
const seedOf = (s: string | null) => P.seed.read(s);
const dateOf = (s: string | null) => P.auditFrom.read(s);

describe('the registration view’s address', () => {
  it('clamps the audit’s numbers as their fields do, and falls back to the defaults', () => {
    expect(confidenceOf('99,5')).toBe(99.5);
    expect(confidenceOf('99.95')).toBe(99.9);
    expect(confidenceOf('100')).toBe(99.9);
    expect(confidenceOf('x')).toBe(95);
    expect(tolerableOf('2,5')).toBe(2.5);
    expect(tolerableOf('0')).toBe(0.1);
    expect(tolerableOf(null)).toBe(5);
    expect(allowedOf('1,6')).toBe(2);
    expect(allowedOf('-3')).toBe(0);
    expect(seedOf('4711')).toBe(4711);
    expect(seedOf('1.5')).toBe(2);
    expect(seedOf('-1')).toBeNull();
    expect(seedOf('47 11')).toBeNull();
    expect(seedOf('99999999999')).toBe(4294967295);
    expect(dateOf('2025-06-30')).toBe('2025-06-30');
    expect(dateOf('30-06-2025')).toBeNull();
  });

  it('reads the period as months of the figures, in order, all of them by default', () => {
    const months = ['2025-01', '2025-02', '2025-03', '2025-04'];
    expect(monthRangeOf(null, null, months)).toEqual([0, 3]);
    expect(monthRangeOf('2025-02', '2025-03', months)).toEqual([1, 2]);
    expect(monthRangeOf('2025-04', '2025-02', months)).toEqual([1, 3]);
    expect(monthRangeOf('2024-12', 'x', months)).toEqual([0, 3]);
  });

  it('keeps a chosen cell only for a unit and a month of the export, a unit with a colon too', () => {
    const at = (text: string, units: string[], months: string[]) => cellOf(P.cell.read(text), units, months);
    expect(at('Valby:2025-02', ['Valby'], ['2025-02'])).toEqual({ unit: 'Valby', month: '2025-02' });
    expect(at(P.cell.write({ row: 'Syd: Øst', col: '2025-02' })!, ['Syd: Øst'], ['2025-02'])).toEqual({ unit: 'Syd: Øst', month: '2025-02' });
    expect(at('Valby:2030-01', ['Valby'], ['2025-02'])).toBeNull();
    expect(at('Nowhere:2025-02', ['Valby'], ['2025-02'])).toBeNull();
  });
});
