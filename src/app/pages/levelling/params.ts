import { MAX_LEAD, POLICY_NAMES, type PolicyName } from '../../../domain/levelling/index.ts';
import { oneOf, optionalWholeNumber, text, wholeNumber } from '../../state/address.ts';

/*
 * The levelling view's parameters:
 * ?view=levelling&lead=4&levelcap=30&policy=level&levelunit=Amager&weeks=4
 * (the catch-up, `catchup`, is the app's: every view shows its projections).
 * Its capacity (per unit and week) and unit (or all units) mean something
 * other than the workload view's, so they have keys of their own. A number
 * out of range clamps as in the field (lead=20 reads 12); anything
 * unreadable falls back to the default, so a hand-edited link still opens.
 */

export const PLAN_WEEKS = [1, 2, 4, 8, 13, 26] as const;

export const levelling = {
  /** Weeks a follow-up may be started before its due week, 0–12. */
  lead: wholeNumber('lead', { min: 0, max: MAX_LEAD, default: 4 }),
  /** Follow-ups a unit can do a week, a whole number from 1; none when absent. */
  capacity: optionalWholeNumber('levelcap', 1),
  policy: oneOf<PolicyName>('policy', POLICY_NAMES, 'level'),
  /** The unit levelled; all units when absent. */
  unit: text('levelunit'),
  /** How many weeks of the plan the list shows. */
  planWeeks: oneOf('weeks', PLAN_WEEKS, 4),
} as const;
