import { DEFAULT_CASE_WEIGHT, DEFAULT_WEEKS_AHEAD, MAX_CASE_WEIGHT, MAX_SLACK } from '../../../domain/balance/index.ts';
import { PLANNING_WEEKS } from '../../../domain/range.ts';
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

/** A whole number from min to max, clamped; `fallback` when it is no number. */
function wholeOf(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? null : readNumber(value);
  return n === null ? fallback : Math.min(max, Math.max(min, Math.round(n)));
}

/** Weeks looked ahead, 0–26. @example aheadOf('8') // 8; aheadOf('40') // 26 */
export const aheadOf = (value: string | null): number => wholeOf(value, DEFAULT_WEEKS_AHEAD, 0, PLANNING_WEEKS);

/** What holding a case weighs, 0–100, decimals allowed. @example caseWeightOf('0,5') // 0.5 */
export function caseWeightOf(value: string | null): number {
  const n = value === null ? null : readNumber(value);
  return n === null ? DEFAULT_CASE_WEIGHT : Math.min(MAX_CASE_WEIGHT, Math.max(0, n));
}

/** Slack in whole percent, 0–100. @example slackOf('5') // 5 */
export const slackOf = (value: string | null): number => wholeOf(value, DEFAULT_SLACK_PERCENT, 0, MAX_SLACK * 100);

/** The overload threshold in whole percent above the unit's mean, 0–200. @example overloadOf('25') // 25 */
export const overloadOf = (value: string | null): number => wholeOf(value, DEFAULT_OVERLOAD, 0, MAX_OVERLOAD);

/** A unit of the export, or null. */
export function balanceUnitOf(value: string | null, units: readonly string[]): string | null {
  return value !== null && units.includes(value) ? value : null;
}
