import type { IsoDate } from './types.ts';

/**
 * The as-of date (SPEC §4): the user's choice, else the latest readable
 * date in the file, else (a file with no readable date) today's calendar
 * date, so an empty export still gets a frame to be drawn in.
 *
 * @example resolveAsOf(undefined, '2025-06-30') // '2025-06-30'
 */
export function resolveAsOf(chosen: IsoDate | undefined, latestDate: IsoDate | null, today = new Date()): IsoDate {
  if (chosen) return chosen;
  if (latestDate) return latestDate;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
