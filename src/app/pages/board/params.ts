import { DEFAULT_BOARD_WEEKS, MAX_BOARD_WEEKS, MAX_CHECK_WEEKS, MIN_BOARD_WEEKS } from '../../../domain/board/index.ts';
import { MAX_FTE } from '../../../domain/balance/limits.ts';
import { numberPerName, positiveNumber, wholeNumber } from '../../state/address.ts';

/*
 * The board's own parameters:
 *   ?view=board&boardweeks=8&boardcap=6&boardfte=AB:0.5,CD:0.8&boardcheck=2
 * The plan it draws is the levelling view's (lead, policy, levelcap,
 * levelunit, and the app's catchup: planOf in levelling/params.ts), and
 * the measure types are the app's (types). Its capacity is per caseworker
 * and week of the plan, not of what falls due (the workload's weekcap).
 */

export const board = {
  /** Weeks shown from w0, 4–12. */
  weeks: wholeNumber('boardweeks', { min: MIN_BOARD_WEEKS, max: MAX_BOARD_WEEKS, default: DEFAULT_BOARD_WEEKS }),
  /** Follow-ups a caseworker working full time can do in a week; none when absent. */
  capacity: positiveNumber('boardcap'),
  /** FTE per caseworker (1 when not named), above 0 and at most 2. */
  fte: numberPerName('boardfte', MAX_FTE),
  /** Weeks before the plan to check against it, 1–8. */
  check: wholeNumber('boardcheck', { min: 1, max: MAX_CHECK_WEEKS, default: 1 }),
} as const;

