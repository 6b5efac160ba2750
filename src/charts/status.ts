import { STATUSES, type StatusCounts } from '../domain/types.ts';

const zero = (): StatusCounts => ({ done_on_time: 0, done_late: 0, overdue: 0, upcoming: 0, missed: 0, projected: 0 });

/** A unit's counts, zeros where the analysis has none for it. */
export function countsOf(status: Readonly<Record<string, StatusCounts>>, unit: string): StatusCounts {
  return status[unit] ?? zero();
}

/** The column sums of the status table over `units`. */
export function totalCounts(status: Readonly<Record<string, StatusCounts>>, units: readonly string[]): StatusCounts {
  const total = zero();
  for (const unit of units) {
    const counts = countsOf(status, unit);
    for (const s of STATUSES) total[s] += counts[s];
  }
  return total;
}
