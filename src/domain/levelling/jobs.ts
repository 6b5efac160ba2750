import { weekIndex } from '../calendar.ts';
import { planningRange, PLANNING_WEEKS } from '../range.ts';
import type { IsoDate, Obligation } from '../types.ts';

/*
 * A job is one follow-up to plan in the 26 weeks w0…w25 that start with
 * the as-of week (SPEC §7): it is released in week r = max(0, d − lead)
 * and due in week d, and may be done in any week of [r, d].
 */

export interface Job {
  release: number;
  due: number;
}

/**
 * The obligations that are jobs: upcoming or projected, due by the end of
 * the planning range.
 * @example jobObligations(obligations, '2025-06-30').length
 */
export function jobObligations(obligations: readonly Obligation[], asOf: IsoDate, weeks = PLANNING_WEEKS): Obligation[] {
  const { last } = planningRange(asOf, weeks);
  return obligations.filter((o) => (o.status === 'upcoming' || o.status === 'projected') && o.due <= last);
}

/** @example jobsOf([{ due: '2025-07-14' }], '2025-06-30', 4) // [{ release: 0, due: 2 }] */
export function jobsOf(obligations: readonly Pick<Obligation, 'due'>[], asOf: IsoDate, lead: number): Job[] {
  return obligations.map(({ due }) => {
    const d = Math.max(0, weekIndex(asOf, due));
    return { release: Math.max(0, d - lead), due: d };
  });
}

/** Checks a lead: a whole number of weeks from 0. */
export function checkLead(lead: number): number {
  if (!Number.isInteger(lead) || lead < 0) throw new RangeError(`invalid lead: ${lead} (a whole number of weeks, 0 or more)`);
  return lead;
}
