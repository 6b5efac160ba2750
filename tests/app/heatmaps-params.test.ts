import { describe, expect, it } from 'vitest';
import { formatCell, formatFte, formatList, parseCapacity, parseCell, parseFte, parseList } from '../../src/app/pages/heatmaps/params.ts';

describe('the heatmaps’ URL parameters', () => {
  it('FTE per unit reads `Amager:4.5,Valby:3` and writes it back the same', () => {
    expect(parseFte('Amager:4.5,Valby:3')).toEqual({ Amager: 4.5, Valby: 3 });
    expect(formatFte({ Amager: 4.5, Valby: 3 })).toBe('Amager:4.5,Valby:3');
  });

  it('FTE entries that are not a positive number are left out, and an empty set removes the parameter', () => {
    expect(parseFte('Amager:x,Valby:0,Nørrebro:-1,:2,Vesterbro:2')).toEqual({ Vesterbro: 2 });
    expect(parseFte(null)).toEqual({});
    expect(formatFte({})).toBeNull();
  });

  it('units named like an object’s own keys keep their FTE', () => {
    const fte = parseFte('__proto__:2,constructor:3,toString:1');
    expect(Object.keys(fte)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(fte['__proto__']).toBe(2);
    expect(formatFte(fte)).toBe('__proto__:2,constructor:3,toString:1');
  });

  it('names holding a comma, a colon or a percent sign survive the round trip', () => {
    const fte = { 'Syd, Øst': 2, 'A:B': 1.5, '100%': 1 };
    expect(parseFte(formatFte(fte))).toEqual(fte);
    const types = ['anbringelse', 'a,b', 'c:d %'];
    expect(parseList(formatList(types))).toEqual(types);
    expect(parseCell(formatCell({ row: 'Syd, Øst:1', col: '2025-04' }))).toEqual({ row: 'Syd, Øst:1', col: '2025-04' });
  });

  it('an empty list removes the parameter', () => {
    expect(formatList([])).toBeNull();
    expect(parseList('')).toEqual([]);
  });

  it('a capacity is a positive number or none', () => {
    expect(parseCapacity('40')).toBe(40);
    expect(parseCapacity('2.5')).toBe(2.5);
    expect(parseCapacity('0')).toBeNull();
    expect(parseCapacity('lots')).toBeNull();
    expect(parseCapacity('')).toBeNull();
    expect(parseCapacity(null)).toBeNull();
  });

  it('a cell is row and column; an empty caseworker is a row too', () => {
    expect(parseCell('Amager:2025-04')).toEqual({ row: 'Amager', col: '2025-04' });
    expect(parseCell(':2025-W23')).toEqual({ row: '', col: '2025-W23' });
    expect(parseCell('nonsense')).toBeNull();
    expect(formatCell(null)).toBeNull();
  });
});
