import { DEFAULT_BOARD_WEEKS, MAX_BOARD_WEEKS, MAX_CHECK_WEEKS, MIN_BOARD_WEEKS } from '../../../domain/board/index.ts';
import { numberPerName, param, positiveNumber, wholeNumber } from '../../state/address.ts';

/*
 * The board's own parameters:
 *   ?view=board&boardweeks=8&boardcap=6&boardfte=AB:0.5,CD:0.8&boardcheck=2
 * The plan it draws is the levelling view's (lead, policy, levelcap,
 * levelunit, and the app's catchup: planOf in levelling/params.ts), and
 * the measure types are the app's (types). Its capacity is per caseworker
 * and week of the plan, not of what falls due (the workload's weekcap).
 */

/** An FTE per caseworker is above 0 and at most 2 (SPEC §10). */
export const MAX_FTE = 2;

const fte = numberPerName('boardfte');

export const board = {
  /** Weeks shown from w0, 4–12. */
  weeks: wholeNumber('boardweeks', { min: MIN_BOARD_WEEKS, max: MAX_BOARD_WEEKS, default: DEFAULT_BOARD_WEEKS }),
  /** Follow-ups a caseworker working full time can do in a week; none when absent. */
  capacity: positiveNumber('boardcap'),
  /** FTE per caseworker (1 when not named), above 0 and at most 2. */
  fte: param<Record<string, number>>('boardfte', {
    default: fte.default,
    parse: (s) => fte.read(s),
    format: (v) => fte.write(v) ?? '',
    clamp: (v) => {
      const kept = fte.clamp(v);
      for (const name of Object.keys(kept)) if (kept[name]! > MAX_FTE) delete kept[name];
      return kept;
    },
    equal: (a, b) => fte.write(a) === fte.write(b),
  }),
  /** Weeks before the plan to check against it, 1–8. */
  check: wholeNumber('boardcheck', { min: 1, max: MAX_CHECK_WEEKS, default: 1 }),
} as const;

/**
 * A decimal number as a person writes it in a field, with a comma or a
 * point: `6,5` and `6.5` are 6.5. Null for anything else (thousands
 * separators included: nobody plans 1.000 follow-ups a week).
 * @example readDecimal('6,5') // 6.5; readDecimal('6 ') // 6; readDecimal('x') // null
 */
export function readDecimal(text: string | null): number | null {
  const s = (text ?? '').trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}
