import { addMonths, monthRange } from '../calendar.ts';
import type { IsoDate, MonthLabel, Obligation } from '../types.ts';
import { countByUnitMonth } from './group.ts';

/*
 * Which unit is slipping: per unit and month, the share of the follow-ups
 * due that month that were done on time, over the 12 whole months before
 * the as-of month (that month is not over yet), with the municipality's
 * share, all units together, to set each unit against.
 */

export interface OnTimeMonth {
  month: MonthLabel;
  /** Follow-ups due in the month (projected ones left out: they are not due yet). */
  due: number;
  /** Of those, done on or before their due date. */
  onTime: number;
  /** onTime ÷ due; null when nothing was due. */
  share: number | null;
}

export interface OnTimeShares {
  months: MonthLabel[];
  units: Record<string, OnTimeMonth[]>;
  /** All units together. */
  all: OnTimeMonth[];
}

export const ON_TIME_MONTHS = 12;

/** The 12 months before the as-of month. @example onTimeMonths('2025-06-30') // ['2024-06', …, '2025-05'] */
export function onTimeMonths(asOf: IsoDate): MonthLabel[] {
  return monthRange(addMonths(asOf, -ON_TIME_MONTHS), addMonths(asOf, -1));
}

/**
 * @example onTimeShares(obligations, ['Amager'], '2025-06-30').units.Amager[11] // { month: '2025-05', due: 40, onTime: 31, share: 0.775 }
 */
export function onTimeShares(obligations: readonly Obligation[], units: readonly string[], asOf: IsoDate): OnTimeShares {
  const months = onTimeMonths(asOf);
  const due = obligations.filter((o) => o.status !== 'projected');
  const dueBy = countByUnitMonth(due, units, months, (o) => o.unit, (o) => o.due);
  const onTimeBy = countByUnitMonth(due.filter((o) => o.status === 'done_on_time'), units, months, (o) => o.unit, (o) => o.due);
  const series = (d: readonly number[], t: readonly number[]) => months.map((month, i) => shareOf(month, d[i]!, t[i]!));
  const sum = (counts: Record<string, number[]>) => months.map((_, i) => units.reduce((s, u) => s + counts[u]![i]!, 0));
  return {
    months,
    units: Object.fromEntries(units.map((u) => [u, series(dueBy[u]!, onTimeBy[u]!)])),
    all: series(sum(dueBy), sum(onTimeBy)),
  };
}

const shareOf = (month: MonthLabel, due: number, onTime: number): OnTimeMonth => ({ month, due, onTime, share: due === 0 ? null : onTime / due });
