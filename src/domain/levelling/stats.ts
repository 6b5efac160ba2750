/*
 * How a weekly load reads against another: peak, spread, weeks over a
 * capacity, and changes in percent.
 */

/** Population standard deviation. @example stdDev([2, 4, 4, 4, 5, 5, 7, 9]) // 2 */
export function stdDev(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/** Weeks whose load is above a capacity (none without one). @example weeksOver([3, 5, 6], 5) // 1 */
export function weeksOver(load: readonly number[], capacity: number | null): number {
  return capacity === null ? 0 : load.filter((v) => v > capacity).length;
}

/** Change from `before` to `after` in percent; null when before is 0. @example percentChange(10, 8) // -20 */
export function percentChange(before: number, after: number): number | null {
  return before === 0 ? null : ((after - before) / before) * 100;
}
