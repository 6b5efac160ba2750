import { clampParam, isScenarioName, SCENARIO_NAMES, SCENARIOS, type ScenarioName, type ScenarioParams } from '../../../domain/generate/scenarios.ts';
import { MAX_CATCH_UP, MAX_LEAD, POLICY_NAMES, type PolicyName } from '../../../domain/levelling/index.ts';
import { isoDate, oneOf, param, text, type Param } from '../../state/address.ts';

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

const readable = (text: string): number | undefined => readNumber(text) ?? undefined;

function whole(key: string, min: number, max: number, fallback: number): Param<number> {
  return param<number>(key, { default: fallback, parse: readable, format: String, clamp: (n) => Math.min(max, Math.max(min, Math.round(n))) });
}

export const DEFAULT_SCENARIO: ScenarioName = SCENARIO_NAMES[0];

export const scenarioParam: Param<ScenarioName> = oneOf('scenario', SCENARIO_NAMES, DEFAULT_SCENARIO);

/** A scenario's parameter: none (the scenario's own default) or a value, clamped as its field clamps it. */
function scenarioNumber(k: keyof ScenarioParams, key: string): Param<number | null> {
  return param<number | null>(key, { default: null, parse: readable, format: (n) => (n === null ? '' : String(n)), clamp: (n) => (n === null ? null : clampParam(k, n)) });
}

/** The scenario's parameters in the address, each the scenario's own when absent. */
export const scenarioValues: Readonly<Record<keyof ScenarioParams, Param<number | null>>> = {
  measures: scenarioNumber('measures', 'tmeasures'),
  seasonality: scenarioNumber('seasonality', 'tseason'),
  late: scenarioNumber('late', 'tlate'),
  capacity: scenarioNumber('capacity', 'tcap'),
  catchUp: scenarioNumber('catchUp', 'tcatchup'),
};

/** A scenario's parameters: what the address holds, else the scenario's own. */
export function scenarioParams(scenario: ScenarioName, get: <T>(param: Param<T>) => T): ScenarioParams {
  const defaults = SCENARIOS[scenario].defaults;
  const read = (k: keyof ScenarioParams) => get(scenarioValues[k]) ?? defaults[k];
  return { measures: read('measures'), seasonality: read('seasonality'), late: read('late'), capacity: read('capacity'), catchUp: read('catchUp') };
}

/** A parameter's value for the address: none where it is the scenario's default. */
export function scenarioValue(scenario: ScenarioName, k: keyof ScenarioParams, value: number): number | null {
  const v = clampParam(k, value);
  return v === SCENARIOS[scenario].defaults[k] ? null : v;
}

export const DEFAULT_LEAD = 4;

export const params = {
  show: oneOf<Show>('tshow', SHOWS, 'flow'),
  lead: whole('tlead', 0, MAX_LEAD, DEFAULT_LEAD),
  policy: oneOf<PolicyName>('tpolicy', POLICY_NAMES, 'due'),
  /** The unit in scope (a name of the scenario's units), or all when absent. */
  unit: text('tunit'),
  step: whole('tstep', 0, 6, 0),
  speed: oneOf('tspeed', SPEEDS, 5),
  versus: oneOf<Versus>('tvs', VERSUS, 'off'),
  policy2: oneOf<PolicyName>('tpolicy2', POLICY_NAMES, 'level'),
  lead2: whole('tlead2', 0, MAX_LEAD, 0),
  catchUp2: whole('tcatchup2', 1, MAX_CATCH_UP, 8),
  scenario2: oneOf<ScenarioName>('tscenario2', SCENARIO_NAMES, 'even'),
  /** The frame shown: its as-of date; the first frame when absent. */
  at: isoDate('tat'),
} as const;

/** Every parameter of the view, for the app's registry. */
export const teaching = { scenario: scenarioParam, ...scenarioValues, ...params } as const;
