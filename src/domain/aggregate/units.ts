import type { Measure } from '../types.ts';

const collator = new Intl.Collator('da', { sensitivity: 'variant', numeric: true });

/** Two unit names in Danish alphabetical order. @example ['Østerbro', 'Amager'].sort(compareUnits) // ['Amager', 'Østerbro'] */
export const compareUnits = (a: string, b: string): number => collator.compare(a, b);

/**
 * Every unit named on an accepted row, in Danish alphabetical order (æ, ø,
 * å after z). @example unitsOf(measures) // ['Amager', 'Valby', 'Østerbro']
 */
export function unitsOf(measures: readonly Measure[]): string[] {
  const units = new Set<string>();
  for (const m of measures) for (const r of m.rows) units.add(r.unit);
  return [...units].sort(compareUnits);
}
