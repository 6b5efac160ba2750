import { ownerAt, walkChain } from '../obligations.ts';
import type { IsoDate, Measure, ObligationStatus, RegistrationCounts, Rules } from '../types.ts';
import { perUnit } from './group.ts';

/*
 * The registration statistic (SPEC §6): the old case system BUS counted a
 * measure as late until two on-time follow-ups followed a late one. Set
 * beside the measures really overdue now, it shows how far the statistic
 * drifted from reality; counted again with technical follow-ups as real
 * ones, it shows what those registrations hid.
 */

/** On-time follow-ups after a late one before the old rule shows a measure on time again. */
export const ON_TIME_TO_RECOVER = 2;

/**
 * The old rule's flag over a measure's obligations in order (upcoming and
 * projected ones left out): true when it ends late.
 * @example flaggedLate(['done_late', 'done_on_time']) // true; flaggedLate(['done_late', 'done_on_time', 'done_on_time']) // false
 */
export function flaggedLate(statuses: Iterable<ObligationStatus>): boolean {
  let late = false;
  let onTimeSince = 0;
  for (const status of statuses) {
    if (status === 'done_late' || status === 'missed' || status === 'overdue') {
      late = true;
      onTimeSince = 0;
    } else if (status === 'done_on_time' && late && ++onTimeSince === ON_TIME_TO_RECOVER) late = false;
  }
  return late;
}

/** The statuses a measure's chain is judged on: its obligations in order, upcoming ones left out. */
function judged(m: Measure, rules: Rules, asOf: IsoDate, countTechnical: boolean): ObligationStatus[] {
  const out: ObligationStatus[] = [];
  walkChain(m, { ...rules, countTechnical }, asOf, (_seq, _created, _due, _completed, status) => {
    if (status !== 'upcoming') out.push(status);
  });
  return out;
}

/**
 * Per unit, each measure counted in its current unit (that of its latest
 * accepted row). The rules' own `countTechnical` does not matter: the
 * statistic always sets real follow-ups against registered ones.
 * @example registrationByUnit(measures, ['Amager'], DEFAULT_RULES, '2025-06-30').Amager.flaggedLate
 */
export function registrationByUnit(measures: readonly Measure[], units: readonly string[], rules: Rules, asOf: IsoDate): Record<string, RegistrationCounts> {
  const out = perUnit(units, (): RegistrationCounts => ({ measures: 0, flaggedLate: 0, flaggedLateAsRegistered: 0, overdueNow: 0 }));
  for (const m of measures) {
    const real = judged(m, rules, asOf, false);
    if (real.length === 0) continue;
    const counts = out[ownerAt(m.rows)(null).unit]!;
    const late = flaggedLate(real);
    const technical = m.rows.some((r) => r.event === 'technical_follow_up');
    counts.measures++;
    if (late) counts.flaggedLate++;
    if (technical ? flaggedLate(judged(m, rules, asOf, true)) : late) counts.flaggedLateAsRegistered++;
    if (real.includes('overdue')) counts.overdueNow++;
  }
  return out;
}
