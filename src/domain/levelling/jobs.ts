import { dayNumber } from '../calendar.ts';
import type { PlanningRange } from '../range.ts';
import type { IsoDate, Obligation } from '../types.ts';

/*
 * A job is one follow-up to plan in the 26 weeks w0…w25, w0 being the week
 * of the first workday after the as-of date (SPEC §7.2): it is released in
 * week r = max(0, d − lead) and due in week d, and may be done in any week
 * of [r, d].
 */

export interface Job {
  release: number;
  due: number;
}

/**
 * Whether an obligation is a job of the range that ends on `last`:
 * upcoming or projected, and due by then.
 * @example isJob({ status: 'upcoming', due: '2025-07-14' }, '2025-12-28') // true
 */
export function isJob(o: Pick<Obligation, 'status' | 'due'>, last: IsoDate): boolean {
  return (o.status === 'upcoming' || o.status === 'projected') && o.due <= last;
}

/**
 * The week a job is due in, counted from w0; w0 for one due before it.
 * @example dueWeekOf(planningRange('2025-06-30'), '2025-07-14') // 2
 */
export function dueWeekOf(range: Pick<PlanningRange, 'first'>, due: IsoDate): number {
  return Math.max(0, Math.floor((dayNumber(due) - dayNumber(range.first)) / 7));
}

/** A job due in week `d` with a lead: released `lead` weeks before, never before w0. @example jobDueIn(2, 4) // { release: 0, due: 2 } */
export function jobDueIn(d: number, lead: number): Job {
  return { release: Math.max(0, d - lead), due: d };
}

/** @example jobsOf([{ due: '2025-07-14' }], planningRange('2025-06-30'), 4) // [{ release: 0, due: 2 }] */
export function jobsOf(obligations: readonly Pick<Obligation, 'due'>[], range: Pick<PlanningRange, 'first'>, lead: number): Job[] {
  return obligations.map(({ due }) => jobDueIn(dueWeekOf(range, due), lead));
}

/** Checks a lead: a whole number of weeks from 0. */
export function checkLead(lead: number): number {
  if (!Number.isInteger(lead) || lead < 0) throw new RangeError(`invalid lead: ${lead} (a whole number of weeks, 0 or more)`);
  return lead;
}
