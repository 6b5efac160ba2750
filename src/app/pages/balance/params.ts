import { DEFAULT_CASE_WEIGHT, DEFAULT_WEEKS_AHEAD, MAX_CASE_WEIGHT, MAX_SLACK } from '../../../domain/balance/limits.ts';
import { PLANNING_WEEKS } from '../../../domain/range.ts';
import { decimalNumber, text, wholeNumber } from '../../state/address.ts';

/*
 * The view's state in the address:
 *   ?view=balance&ahead=13&caseweight=1&slack=5&over=20&bunit=Valby
 * ahead: weeks looked ahead (H); caseweight: what holding a case weighs;
 * slack: percent above the least imbalance allowed to move fewer cases;
 * over: percent above the unit's mean that counts as overloaded; bunit: the
 * unit whose proposal is shown. Anything unreadable falls back to the
 * default, so a hand-edited link still opens. FTE, pinned cases and
 * excluded caseworkers are not in the address: they name people and cases.
 */

export const DEFAULT_OVERLOAD = 20;
export const MAX_OVERLOAD = 200;
export const DEFAULT_SLACK_PERCENT = 0;

export const balance = {
  /** Weeks looked ahead (H), 0–26. */
  ahead: wholeNumber('ahead', { min: 0, max: PLANNING_WEEKS, default: DEFAULT_WEEKS_AHEAD }),
  /** What holding a case weighs, 0–100, decimals allowed. */
  caseWeight: decimalNumber('caseweight', { min: 0, max: MAX_CASE_WEIGHT, default: DEFAULT_CASE_WEIGHT, decimals: 2 }),
  /** Slack in whole percent, 0–100. */
  slack: wholeNumber('slack', { min: 0, max: MAX_SLACK * 100, default: DEFAULT_SLACK_PERCENT }),
  /** The overload threshold in whole percent above the unit's mean, 0–200. */
  over: wholeNumber('over', { min: 0, max: MAX_OVERLOAD, default: DEFAULT_OVERLOAD }),
  /** The unit whose proposal is shown. */
  unit: text('bunit'),
} as const;
