import type { SimulationOptions } from '../../../domain/levelling/index.ts';
import { MAX_LEAD, POLICY_NAMES, type PolicyName } from '../../../domain/levelling/options.ts';
import { oneOf, optionalWholeNumber, text, wholeNumber } from '../../state/address.ts';
import { app, unitOf } from '../../state/params.ts';
import type { UrlState } from '../../state/url.svelte.ts';

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

/**
 * The plan as the address holds it: what the levelling view and the board
 * simulate, read the same way for both (the catch-up is the app's).
 * @example planOf(url, analysis.units) // { lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null }
 */
export function planOf(url: Pick<UrlState, 'get'>, units: readonly string[]): SimulationOptions {
  return {
    lead: url.get(levelling.lead),
    policy: url.get(levelling.policy),
    catchUp: url.get(app.catchUp),
    capacity: url.get(levelling.capacity),
    unit: unitOf(url.get(levelling.unit), units),
  };
}

/** What the plan's controls (LevellingControls) write, and where. */
export function planWriters(url: Pick<UrlState, 'set'>) {
  return {
    onlead: (v: number) => url.set(levelling.lead, v),
    oncatchup: (v: number) => url.set(app.catchUp, v),
    oncapacity: (v: number | null) => url.set(levelling.capacity, v),
    onpolicy: (v: PolicyName) => url.set(levelling.policy, v),
    onunit: (v: string | null) => url.set(levelling.unit, v),
  };
}
