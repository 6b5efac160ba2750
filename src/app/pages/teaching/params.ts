import { clampParam, isScenarioName, SCENARIO_NAMES, SCENARIOS, type ScenarioName, type ScenarioParams } from '../../../domain/generate/scenarios.ts';
import { MAX_CATCH_UP, MAX_LEAD, POLICY_NAMES, type PolicyName } from '../../../domain/levelling/index.ts';
import type { IsoDate } from '../../../domain/types.ts';

/*
 * The teaching view's state in the address:
 * ?view=teaching&scenario=august&tshow=load&tat=2025-10-26&tlead=4&tpolicy=level&tvs=policy&tpolicy2=due&tstep=3
 * Only the scenario, its parameters, the view's settings, the step and the
 * frame's date: no case data (the view makes its own). Keys start with `t`
 * (but `scenario`), so no other view reads them. A value out of range
 * clamps as its field does; anything unreadable falls back to the default,
 * so a hand-edited link still opens.
 */

/** What the stage shows. */
export const SHOWS = ['flow', 'heat', 'load', 'stat'] as const;
export type Show = (typeof SHOWS)[number];

/** What the second panel of "side by side" differs in; `off` for one panel. */
export const VERSUS = ['off', 'policy', 'lead', 'catchup', 'scenario'] as const;
export type Versus = (typeof VERSUS)[number];

export const SPEEDS = [1, 2, 5, 10, 20] as const;

/** A parameter of the address: its key, its reading (default and clamp included) and its writing (null for the default). */
export interface Param<T> {
  key: string;
  read: (text: string | null) => T;
  write: (value: T) => string | null;
}

/**
 * A number as a person types it, with a decimal comma or point (`6,5`,
 * `6.5`); null when it is not one. The one reader of numbers in this view.
 * @example readNumber('6,5') // 6.5; readNumber('x') // null
 */
export function readNumber(text: string | null): number | null {
  if (text === null) return null;
  const t = text.trim().replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

function choice<T extends string | number>(key: string, choices: readonly T[], fallback: T): Param<T> {
  return {
    key,
    read: (text) => choices.find((c) => String(c) === text) ?? fallback,
    write: (value) => (value === fallback ? null : String(value)),
  };
}

function whole(key: string, min: number, max: number, fallback: number): Param<number> {
  return {
    key,
    read: (text) => {
      const n = readNumber(text);
      return n === null ? fallback : Math.min(max, Math.max(min, Math.round(n)));
    },
    write: (value) => (value === fallback ? null : String(value)),
  };
}

export const DEFAULT_SCENARIO: ScenarioName = SCENARIO_NAMES[0];

export const scenarioParam: Param<ScenarioName> = {
  key: 'scenario',
  read: (text) => (isScenarioName(text) ? text : DEFAULT_SCENARIO),
  write: (value) => (value === DEFAULT_SCENARIO ? null : value),
};

/** The scenario's parameters, each defaulting to the scenario's own. */
export const PARAM_KEYS: Readonly<Record<keyof ScenarioParams, string>> = {
  measures: 'tmeasures',
  seasonality: 'tseason',
  late: 'tlate',
  capacity: 'tcap',
  catchUp: 'tcatchup',
};

export function scenarioParams(scenario: ScenarioName, get: (key: string) => string | null): ScenarioParams {
  const defaults = SCENARIOS[scenario].defaults;
  const read = (k: keyof ScenarioParams) => {
    const n = readNumber(get(PARAM_KEYS[k]));
    return n === null ? defaults[k] : clampParam(k, n);
  };
  return { measures: read('measures'), seasonality: read('seasonality'), late: read('late'), capacity: read('capacity'), catchUp: read('catchUp') };
}

/** A parameter's text for the address: null where it is the scenario's default. */
export function writeScenarioParam(scenario: ScenarioName, k: keyof ScenarioParams, value: number): string | null {
  const v = clampParam(k, value);
  return v === SCENARIOS[scenario].defaults[k] ? null : String(v);
}

export const DEFAULT_LEAD = 4;

export const params = {
  show: choice<Show>('tshow', SHOWS, 'flow'),
  lead: whole('tlead', 0, MAX_LEAD, DEFAULT_LEAD),
  policy: choice<PolicyName>('tpolicy', POLICY_NAMES, 'due'),
  /** The unit in scope (a name of the scenario's units), or all when absent. */
  unit: { key: 'tunit', read: (text: string | null) => text || null, write: (value: string | null) => value } satisfies Param<string | null>,
  step: whole('tstep', 0, 6, 0),
  speed: choice<number>('tspeed', SPEEDS, 5),
  versus: choice<Versus>('tvs', VERSUS, 'off'),
  policy2: choice<PolicyName>('tpolicy2', POLICY_NAMES, 'level'),
  lead2: whole('tlead2', 0, MAX_LEAD, 0),
  catchUp2: whole('tcatchup2', 1, MAX_CATCH_UP, 8),
  scenario2: choice<ScenarioName>('tscenario2', SCENARIO_NAMES, 'even'),
  /** The frame shown: its as-of date; the first frame when absent. */
  at: {
    key: 'tat',
    read: (text: string | null): IsoDate | null => (text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null),
    write: (value: IsoDate | null) => value,
  } satisfies Param<IsoDate | null>,
} as const;
