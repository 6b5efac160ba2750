import { DEFAULT_CASE_WEIGHT, DEFAULT_WEEKS_AHEAD, MAX_CASE_WEIGHT, MAX_SLACK } from '../../../domain/balance/index.ts';
import { PLANNING_WEEKS } from '../../../domain/range.ts';
import { param, text } from '../../state/address.ts';
import { readNumber } from './number.ts';

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

/** A typed number as the view reads it, or undefined (unreadable: the default). */
const readable = (text: string): number | undefined => readNumber(text) ?? undefined;
const within = (min: number, max: number) => (n: number) => Math.min(max, Math.max(min, n));
const whole = (min: number, max: number) => (n: number) => within(min, max)(Math.round(n));

export const balance = {
  /** Weeks looked ahead (H), 0–26. */
  ahead: param<number>('ahead', { default: DEFAULT_WEEKS_AHEAD, parse: readable, format: String, clamp: whole(0, PLANNING_WEEKS) }),
  /** What holding a case weighs, 0–100, decimals allowed. */
  caseWeight: param<number>('caseweight', { default: DEFAULT_CASE_WEIGHT, parse: readable, format: String, clamp: within(0, MAX_CASE_WEIGHT) }),
  /** Slack in whole percent, 0–100. */
  slack: param<number>('slack', { default: DEFAULT_SLACK_PERCENT, parse: readable, format: String, clamp: whole(0, MAX_SLACK * 100) }),
  /** The overload threshold in whole percent above the unit's mean, 0–200. */
  over: param<number>('over', { default: DEFAULT_OVERLOAD, parse: readable, format: String, clamp: whole(0, MAX_OVERLOAD) }),
  /** The unit whose proposal is shown. */
  unit: text('bunit'),
} as const;
