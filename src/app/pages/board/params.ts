import { DEFAULT_BOARD_WEEKS, MAX_BOARD_WEEKS, MAX_CHECK_WEEKS, MIN_BOARD_WEEKS } from '../../../domain/board/index.ts';
import { formatFte, parseFte } from '../heatmaps/params.ts';

/*
 * The board's own state in the address:
 *   ?view=board&bweeks=8&bcap=6&bfte=AB:0.5,CD:0.8&bcheck=2
 * The plan it draws is the levelling view's (lead, policy, catchup, cap and
 * unit, read with that view's readers) and the measure types are the
 * heatmaps' (types). Anything unreadable falls back to the default.
 */

export const DEFAULT_CHECK_WEEKS = 1;
/** An FTE per caseworker is above 0 and at most 2 (SPEC §10). */
export const MAX_FTE = 2;

/**
 * A decimal number as a person writes it, with a comma or a point:
 * `6,5` and `6.5` are 6.5. Null for anything else (thousands separators
 * included: nobody plans 1.000 follow-ups a week).
 * @example readDecimal('6,5') // 6.5; readDecimal('6 ') // 6; readDecimal('x') // null
 */
export function readDecimal(text: string | null): number | null {
  const s = (text ?? '').trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/** Weeks shown, 4–12, clamped; 8 for anything unreadable. @example boardWeeksOf('20') // 12 */
export function boardWeeksOf(value: string | null): number {
  const n = readDecimal(value);
  return n === null || !Number.isInteger(n) ? DEFAULT_BOARD_WEEKS : Math.min(MAX_BOARD_WEEKS, Math.max(MIN_BOARD_WEEKS, n));
}

/** Follow-ups a caseworker can do in a week: above 0, or null for none. @example boardCapOf('6,5') // 6.5 */
export function boardCapOf(value: string | null): number | null {
  const n = readDecimal(value);
  return n !== null && n > 0 ? n : null;
}

/** FTE per caseworker, in the heatmaps' `fte` format; entries above 0 and at most 2. @example boardFteOf('AB:0.5,CD:3') // { AB: 0.5 } */
export function boardFteOf(value: string | null): Record<string, number> {
  const fte = parseFte(value);
  for (const [name, n] of Object.entries(fte)) if (n > MAX_FTE) delete fte[name];
  return fte;
}

export const formatBoardFte = formatFte;

/** Weeks before the plan to check, 1–8, clamped; 1 for anything unreadable. */
export function checkWeeksOf(value: string | null): number {
  const n = readDecimal(value);
  return n === null || !Number.isInteger(n) ? DEFAULT_CHECK_WEEKS : Math.min(MAX_CHECK_WEEKS, Math.max(1, n));
}
