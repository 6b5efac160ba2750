import type { Rules } from './types.ts';

/** The law's defaults: first follow-up within 3 months, then every 6 (SPEC §5). */
export const DEFAULT_RULES: Readonly<Rules> = { first: 3, interval: 6, countTechnical: false };

/** @example rules({ interval: 4 }) // { first: 3, interval: 4, countTechnical: false } */
export function rules(overrides: Partial<Rules> = {}): Rules {
  const r = { ...DEFAULT_RULES, ...overrides };
  for (const key of ['first', 'interval'] as const) {
    if (!Number.isInteger(r[key]) || r[key] < 1) throw new RangeError(`invalid ${key}: ${r[key]} (a whole number of months, at least 1)`);
  }
  return r;
}
