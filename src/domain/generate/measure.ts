import { addDays, addMonths, dayNumber } from '../calendar.ts';
import type { EventKind, IsoDate } from '../types.ts';
import type { Draft } from './draft.ts';
import { MEASURE_TYPES } from './measureTypes.ts';
import { drawNote } from './notes.ts';
import type { Rng } from './random.ts';
import type { Burst, Roster, Slip } from './units.ts';

/** What a measure is, before its events are simulated. */
export interface MeasurePlan {
  caseId: string;
  measureId: string;
  /** Index into MEASURE_TYPES. */
  type: number;
  /** Index into the rosters. */
  unit: number;
  caseworker: string;
  start: IsoDate;
}

/** The world a measure runs in. */
export interface MeasureWorld {
  rng: Rng;
  rosters: readonly Roster[];
  asOf: IsoDate;
  /** Months from the start to the first follow-up, and between later ones. */
  first: number;
  interval: number;
}

/** Barnets Lov §95 applies from this date; before it, no planned next dates. */
const BARNETS_LOV = '2024-01-01';
const TRANSFER_SHARE = 0.06;
const TURNOVER_SHARE = 0.1;
const NEXT_DUE_MONTHS: readonly number[] = [3, 4, 6, 6, 9];
const DAYS_PER_MONTH = 365.25 / 12;

interface Owner {
  from: IsoDate;
  unit: number;
  caseworker: string;
}

/**
 * Simulates one measure from its start to its end or the as-of date: the
 * start row, a chain of follow-ups (on time, late, technical, or never
 * done, by the owning unit's habits), perhaps a planned next date, a
 * transfer to another unit or caseworker, and an end row if it has ended.
 * @example simulateMeasure(world, plan).map((d) => d.row.event) // ['measure_start', 'follow_up', …]
 */
export function simulateMeasure(world: MeasureWorld, plan: MeasurePlan): Draft[] {
  const { rng, asOf } = world;
  const type = MEASURE_TYPES[plan.type] ?? MEASURE_TYPES[0]!;
  const lastDay = drawEnd(rng, plan.start, type.medianDays);
  const end = lastDay <= asOf ? lastDay : null;
  const owners = drawOwners(world, plan, end ?? asOf);
  const drafts: Draft[] = [];

  const emit = (event: EventKind, date: IsoDate, nextDue: IsoDate | null, lagMean: number): void => {
    const owner = ownerOn(owners, date);
    drafts.push({
      row: {
        caseId: plan.caseId,
        measureId: plan.measureId,
        unit: world.rosters[owner.unit]?.profile.name ?? '',
        caseworker: owner.caseworker,
        measureType: type.name,
        event,
        date,
        nextDue,
        note: drawNote(rng),
      },
      key: dayNumber(date) + Math.min(30, Math.floor(rng.exponential(lagMean))),
    });
  };

  emit('measure_start', plan.start, null, 5);
  let created = plan.start;
  let due = addMonths(plan.start, world.first);
  while (end === null || due <= end) {
    const profile = world.rosters[ownerOn(owners, due).unit]?.profile;
    if (!profile) break;
    const never = Math.max(0, 1 - profile.onTime - profile.late - profile.technical);
    let outcome = rng.weighted([profile.onTime, profile.late, profile.technical, never]);
    let date: IsoDate | null =
      outcome === 3 ? null
      : outcome === 0 ? maxDate(addDays(due, -rng.int(0, 45)), addDays(created, 1))
      : outcome === 1 ? addDays(due, 1 + Math.floor(rng.exponential(35)))
      : addDays(due, -rng.int(0, 10));
    if (date !== null && outcome < 2 && profile.slip) date = slipped(date, due, profile.slip);
    if (profile.burst && due < profile.burst.on && (date === null || date > profile.burst.on)) {
      date = burstDay(rng, profile.burst);
      outcome = 1;
    }
    if (date === null || date > asOf || (end !== null && date >= end)) break;
    const technical = outcome === 2;
    const nextDue =
      !technical && date >= BARNETS_LOV && rng.chance(profile.nextDue)
        ? addMonths(date, rng.pick(NEXT_DUE_MONTHS))
        : null;
    emit(technical ? 'technical_follow_up' : 'follow_up', date, nextDue, 2.5);
    created = date;
    due = nextDue ?? addMonths(date, world.interval);
  }
  if (end !== null) emit('measure_end', end, null, 3);
  return drafts;
}

/**
 * A follow-up of a unit that falls behind: `daysPerMonth` days later for
 * every month its due date lies after the slip began (none after `until`).
 * @example slipped('2025-03-10', '2025-03-01', { from: '2025-01-01', daysPerMonth: 10 }) // '2025-03-29'
 */
export function slipped(date: IsoDate, due: IsoDate, slip: Slip): IsoDate {
  if (due < slip.from || (slip.until !== undefined && due >= slip.until)) return date;
  const months = (dayNumber(due) - dayNumber(slip.from)) / DAYS_PER_MONTH;
  return addDays(date, Math.round(slip.daysPerMonth * months));
}

/** A workday of the burst's weeks, drawn evenly: the burst starts on a Monday. */
function burstDay(rng: Rng, burst: Burst): IsoDate {
  const i = rng.int(0, 5 * burst.weeks - 1);
  return addDays(burst.on, 7 * Math.floor(i / 5) + (i % 5));
}

function drawEnd(rng: Rng, start: IsoDate, medianDays: number): IsoDate {
  return addDays(start, Math.max(30, Math.round(rng.logNormal(medianDays, 0.6))));
}

/** Who owns the measure from which date on: the first owner, then maybe a transfer and a new caseworker. */
function drawOwners(world: MeasureWorld, plan: MeasurePlan, last: IsoDate): Owner[] {
  const { rng, rosters } = world;
  const owners: Owner[] = [{ from: plan.start, unit: plan.unit, caseworker: plan.caseworker }];
  const span = dayNumber(last) - dayNumber(plan.start);
  if (span < 60) return owners;
  const changeDay = (): IsoDate => addDays(plan.start, rng.int(30, span - 1));
  if (rng.chance(TURNOVER_SHARE)) {
    const roster = rosters[plan.unit];
    if (roster) owners.push({ from: changeDay(), unit: plan.unit, caseworker: pickCaseworker(rng, roster) });
  }
  if (rng.chance(TRANSFER_SHARE) && rosters.length > 1) {
    const unit = (plan.unit + rng.int(1, rosters.length - 1)) % rosters.length;
    const roster = rosters[unit];
    if (roster) owners.push({ from: changeDay(), unit, caseworker: pickCaseworker(rng, roster) });
  }
  return owners.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The owner of rows dated `date`: the change takes effect the day after it is decided. */
function ownerOn(owners: readonly Owner[], date: IsoDate): Owner {
  let owner = owners[0]!;
  for (const o of owners) if (o.from < date) owner = o;
  return owner;
}

/**
 * A caseworker of a unit, drawn by caseload.
 * @example pickCaseworker(rng, rosters[0]) // e.g. 'MTB1'
 */
export function pickCaseworker(rng: Rng, roster: Roster): string {
  return roster.caseworkers[rng.weighted(roster.loads)] ?? roster.caseworkers[0] ?? '';
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
