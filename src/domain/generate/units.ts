import type { IsoDate } from '../types.ts';
import type { Rng } from './random.ts';

/**
 * How one local unit behaves in the simulation. The eight default units
 * differ on purpose, so the dashboard has something to show: sizes,
 * punctuality, use of technical follow-ups and of Barnets Lov next dates.
 */
export interface UnitProfile {
  name: string;
  /** Relative share of new measures. */
  weight: number;
  /** Caseworkers in the unit (4–10). */
  caseworkers: number;
  /** Per obligation: share done on time, done late, registered as technical; the rest is never done. */
  onTime: number;
  late: number;
  technical: number;
  /** Share of follow-up rows that carry a planned next date (Barnets Lov §95). */
  nextDue: number;
  /** The unit falls behind: its real follow-ups come later month by month (none of the default units). */
  slip?: Slip;
  /** The unit clears its backlog in a short burst (none of the default units). */
  burst?: Burst;
}

/**
 * Falling behind: a follow-up due `m` months after `from` (and before
 * `until`, where given) is done `m × daysPerMonth` days later than the
 * unit's habit would have it, so on-time work turns late and the overdue
 * backlog grows.
 */
export interface Slip {
  from: IsoDate;
  daysPerMonth: number;
  until?: IsoDate;
}

/**
 * Clearing a backlog: every follow-up due before `on` and not done by then
 * (late, or never) is done on a workday of the `weeks` weeks from `on`, a
 * Monday, while its measure runs. Its next follow-up falls due an interval
 * later: the echo.
 */
export interface Burst {
  on: IsoDate;
  weeks: number;
}

/** Copenhagen-like local units; names carry æ, ø and å on purpose. */
export const DEFAULT_UNITS: readonly UnitProfile[] = [
  { name: 'Amager', weight: 1.25, caseworkers: 9, onTime: 0.8, late: 0.15, technical: 0, nextDue: 0.35 },
  { name: 'Bispebjerg/Bellahøj', weight: 1.0, caseworkers: 7, onTime: 0.7, late: 0.18, technical: 0.07, nextDue: 0.15 },
  { name: 'Brønshøj-Husum', weight: 0.8, caseworkers: 6, onTime: 0.82, late: 0.13, technical: 0, nextDue: 0.25 },
  { name: 'Indre By/Østerbro', weight: 1.15, caseworkers: 10, onTime: 0.78, late: 0.17, technical: 0, nextDue: 0.4 },
  { name: 'Nørrebro', weight: 1.1, caseworkers: 8, onTime: 0.62, late: 0.28, technical: 0, nextDue: 0.1 },
  { name: 'Valby', weight: 0.7, caseworkers: 5, onTime: 0.72, late: 0.12, technical: 0.12, nextDue: 0.2 },
  { name: 'Vesterbro/Kongens Enghave', weight: 1.0, caseworkers: 8, onTime: 0.76, late: 0.19, technical: 0, nextDue: 0.3 },
  { name: 'Vanløse', weight: 0.5, caseworkers: 4, onTime: 0.8, late: 0.1, technical: 0.06, nextDue: 0.5 },
];

/** A unit with its pseudonymous caseworkers and how much of the caseload each carries. */
export interface Roster {
  profile: UnitProfile;
  caseworkers: string[];
  /** Relative caseload of each caseworker (part-timers and seniors differ). */
  loads: number[];
}

/** Initials' letters: Danish ones too, but as rarely as in real names. */
const LETTERS = [...'ABDEFGHIJKLMNOPRSTUV'.repeat(6), ...'ÆØÅ'];

/**
 * Draws pseudonymous initials for every unit's caseworkers: three letters
 * plus the unit's 1-based index ("AKJ3"), unique within a unit.
 * @example buildRosters(createRng(1), DEFAULT_UNITS)[0].caseworkers[0] // e.g. 'MTB1'
 */
export function buildRosters(rng: Rng, units: readonly UnitProfile[]): Roster[] {
  return units.map((profile, u) => {
    const taken = new Set<string>();
    const caseworkers: string[] = [];
    while (caseworkers.length < profile.caseworkers) {
      let initials = '';
      for (let i = 0; i < 3; i++) initials += rng.pick(LETTERS);
      if (taken.has(initials)) continue;
      taken.add(initials);
      caseworkers.push(`${initials}${u + 1}`);
    }
    const loads = caseworkers.map(() => 0.6 + rng.next() * 0.8);
    return { profile, caseworkers, loads };
  });
}
