import type { Measure } from '../types.ts';

import { danishOrder } from '../collate.ts';

/**
 * Every unit named on an accepted row, in Danish alphabetical order (æ, ø,
 * å after z). @example unitsOf(measures) // ['Amager', 'Valby', 'Østerbro']
 */
export function unitsOf(measures: readonly Measure[]): string[] {
  const units = new Set<string>();
  for (const m of measures) for (const r of m.rows) units.add(r.unit);
  return [...units].sort(danishOrder);
}
