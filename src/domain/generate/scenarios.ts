import { addDays, isoWeekday } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { GenerateOptions } from './generate.ts';
import { MONTH_WEIGHTS } from './seasonal.ts';
import type { UnitProfile } from './units.ts';

/*
 * Teaching scenarios: settings of the generator (a seed and its options)
 * that each make one effect of the flow plain to a room. The same name and
 * parameters give the same data, in the browser as on the command line.
 * Four units, so a chart on a projector has few rows; every scenario runs
 * over the same calendar, so two of them can be set side by side.
 */

export const SCENARIO_NAMES = ['even', 'august', 'behind', 'technical', 'echo'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What a trainer can turn, each scenario with its own defaults. */
export interface ScenarioParams {
  /** Measures in the export. */
  measures: number;
  /** How strongly starts follow the scenario's months, in percent: 0 even, 100 the scenario's pattern, 200 twice as marked. */
  seasonality: number;
  /** Follow-ups done late, in percent of all. */
  late: number;
  /** Follow-ups a unit can do a week (the levelling's capacity, SPEC §7; it does not change the data). */
  capacity: number;
  /** Weeks over which a backlog is caught up: in the data where a unit clears one, and in every forecast (SPEC §7.1). */
  catchUp: number;
}

/** The range of each parameter, as a field and a link clamp it. */
export const PARAM_LIMITS: Readonly<Record<keyof ScenarioParams, { min: number; max: number; step: number }>> = {
  measures: { min: 100, max: 5000, step: 100 },
  seasonality: { min: 0, max: 200, step: 10 },
  late: { min: 0, max: 60, step: 1 },
  capacity: { min: 1, max: 500, step: 1 },
  catchUp: { min: 1, max: 26, step: 1 },
};

export interface Scenario {
  name: ScenarioName;
  seed: number;
  defaults: ScenarioParams;
}

/** Every scenario's data ends on this day; its measures start in the 36 months before. */
export const SCENARIO_AS_OF: IsoDate = '2026-12-31';
const SPAN_MONTHS = 36;
/** The playback: one frame a week, as of each Sunday (the week is over, the plan starts on Monday). */
export const PLAYBACK = { from: '2025-06-01', to: '2026-12-27' } as const;

/** Starts bunch after the summer holiday: four times as many in August, few in July. */
export const AUGUST_WEIGHTS: readonly number[] = [1, 1, 1, 1, 1, 0.9, 0.3, 4, 1.6, 1, 1, 0.8];

/** The unit that falls behind (`behind`), registers technical follow-ups (`technical`) or clears a backlog (`echo`). */
export const STORY_UNIT: Readonly<Partial<Record<ScenarioName, string>>> = { behind: 'Valby', technical: 'Nørrebro', echo: 'Amager' };

/** The echo's unit falls behind from this day and clears its backlog from the next, a Monday. */
export const ECHO_SLIP_FROM: IsoDate = '2025-04-01';
export const ECHO_BURST: IsoDate = '2026-01-05';
const BEHIND_FROM: IsoDate = '2025-09-01';

export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  even: { name: 'even', seed: 1301, defaults: { measures: 2000, seasonality: 0, late: 5, capacity: 14, catchUp: 4 } },
  // A capacity that an ordinary week keeps within and November's peak does not.
  august: { name: 'august', seed: 1302, defaults: { measures: 2000, seasonality: 100, late: 8, capacity: 11, catchUp: 4 } },
  behind: { name: 'behind', seed: 1303, defaults: { measures: 2000, seasonality: 100, late: 10, capacity: 14, catchUp: 4 } },
  technical: { name: 'technical', seed: 1304, defaults: { measures: 2000, seasonality: 100, late: 15, capacity: 14, catchUp: 4 } },
  echo: { name: 'echo', seed: 1305, defaults: { measures: 2000, seasonality: 0, late: 8, capacity: 14, catchUp: 2 } },
};

/** @example isScenarioName('august') // true */
export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** A parameter brought into its range, whole. @example clampParam('late', 80) // 60 */
export function clampParam(key: keyof ScenarioParams, value: number): number {
  const { min, max } = PARAM_LIMITS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Never done at all (the chain stops there), in every scenario. */
const NEVER = 0.02;

/** The four units and their size; habits come from the scenario. */
const UNITS: readonly Pick<UnitProfile, 'name' | 'weight' | 'caseworkers'>[] = [
  { name: 'Amager', weight: 1.2, caseworkers: 8 },
  { name: 'Nørrebro', weight: 1.0, caseworkers: 7 },
  { name: 'Valby', weight: 0.8, caseworkers: 6 },
  { name: 'Vanløse', weight: 0.6, caseworkers: 5 },
];

/**
 * Month weights `seasonality` percent of the way from even to `base` (and
 * beyond), never below a trickle.
 * @example monthWeightsAt(AUGUST_WEIGHTS, 50)[7] // 2.5
 */
export function monthWeightsAt(base: readonly number[], seasonality: number): number[] {
  return base.map((w) => Math.max(0.05, 1 + (seasonality / 100) * (w - 1)));
}

/** The scenarios' units, in Danish order. */
export const SCENARIO_UNITS: readonly string[] = UNITS.map((u) => u.name);

function unitProfiles(name: ScenarioName, p: ScenarioParams): UnitProfile[] {
  const late = p.late / 100;
  return UNITS.map((u) => {
    const story = STORY_UNIT[name] === u.name;
    const technical = name === 'technical' && story ? 0.3 : 0;
    const profile: UnitProfile = {
      ...u,
      late,
      technical,
      onTime: Math.max(0, 1 - late - technical - NEVER),
      // Planned next dates spread an echo over months; the echo's unit keeps the interval.
      nextDue: name === 'echo' && story ? 0 : 0.15,
    };
    if (name === 'behind' && story) profile.slip = { from: BEHIND_FROM, daysPerMonth: 15 };
    if (name === 'echo' && story) {
      profile.slip = { from: ECHO_SLIP_FROM, daysPerMonth: 30, until: ECHO_BURST };
      profile.burst = { on: ECHO_BURST, weeks: p.catchUp };
    }
    return profile;
  });
}

/**
 * The generator's options for a scenario and parameters: no bad rows and
 * no duplicates, so every figure on the screen is the story's.
 * @example scenarioOptions('august', SCENARIOS.august.defaults).seed // 1302
 */
export function scenarioOptions(name: ScenarioName, params: ScenarioParams): GenerateOptions {
  const p = clampParams(params);
  return {
    seed: SCENARIOS[name].seed,
    measures: p.measures,
    asOf: SCENARIO_AS_OF,
    spanMonths: SPAN_MONTHS,
    badRows: 0,
    duplicates: 0,
    units: unitProfiles(name, p),
    monthWeights: monthWeightsAt(name === 'august' ? AUGUST_WEIGHTS : MONTH_WEIGHTS, p.seasonality),
  };
}

/** Every parameter in its range. */
export function clampParams(p: ScenarioParams): ScenarioParams {
  return {
    measures: clampParam('measures', p.measures),
    seasonality: clampParam('seasonality', p.seasonality),
    late: clampParam('late', p.late),
    capacity: clampParam('capacity', p.capacity),
    catchUp: clampParam('catchUp', p.catchUp),
  };
}

/**
 * The as-of dates of the playback: every Sunday from `from` to `to`.
 * @example playbackDates('2025-06-01', '2025-06-15') // ['2025-06-01', '2025-06-08', '2025-06-15']
 */
export function playbackDates(from: IsoDate = PLAYBACK.from, to: IsoDate = PLAYBACK.to): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = addDays(from, (6 - isoWeekday(from) + 7) % 7); d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}
