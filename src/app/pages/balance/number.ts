/**
 * A figure for a CSV file the page writes, to two decimals: the CSV writer
 * gives it the file's decimal mark (`0,75` for Danish Excel).
 * @example csvNumber(33.3333) // 33.33
 */
export const csvNumber = (n: number): number => Math.round(n * 100) / 100;
