/** One value per unit, made fresh for each: `perUnit(units, () => 0)`. */
export function perUnit<T>(units: readonly string[], make: () => T): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const u of units) out[u] = make();
  return out;
}
