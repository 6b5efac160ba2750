import { clampParam, isScenarioName, SCENARIO_NAMES, SCENARIOS, type ScenarioName, type ScenarioParams } from '../../../domain/generate/scenarios.ts';
import { MAX_CATCH_UP, MAX_LEAD, POLICY_NAMES, type PolicyName } from '../../../domain/levelling/index.ts';
import { isoDate, numberOf, oneOf, param, text, wholeNumber, type Param } from '../../state/address.ts';

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

export const DEFAULT_SCENARIO: ScenarioName = SCENARIO_NAMES[0];

export const scenarioParam: Param<ScenarioName> = oneOf('scenario', SCENARIO_NAMES, DEFAULT_SCENARIO);

/** A scenario's parameter: none (the scenario's own default) or a value, clamped as its field clamps it. */
function scenarioNumber(k: keyof ScenarioParams, key: string): Param<number | null> {
  return param<number | null>(key, { default: null, parse: numberOf, format: (n) => (n === null ? '' : String(n)), clamp: (n) => (n === null ? null : clampParam(k, n)) });
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
  lead: wholeNumber('tlead', { min: 0, max: MAX_LEAD, default: DEFAULT_LEAD }),
  policy: oneOf<PolicyName>('tpolicy', POLICY_NAMES, 'due'),
  /** The unit in scope (a name of the scenario's units), or all when absent. */
  unit: text('tunit'),
  step: wholeNumber('tstep', { min: 0, max: 6, default: 0 }),
  speed: oneOf('tspeed', SPEEDS, 5),
  versus: oneOf<Versus>('tvs', VERSUS, 'off'),
  policy2: oneOf<PolicyName>('tpolicy2', POLICY_NAMES, 'level'),
  lead2: wholeNumber('tlead2', { min: 0, max: MAX_LEAD, default: 0 }),
  catchUp2: wholeNumber('tcatchup2', { min: 1, max: MAX_CATCH_UP, default: 8 }),
  scenario2: oneOf<ScenarioName>('tscenario2', SCENARIO_NAMES, 'even'),
  /** The frame shown: its as-of date; the first frame when absent. */
  at: isoDate('tat'),
} as const;

/** Every parameter of the view, for the app's registry. */
export const teaching = { scenario: scenarioParam, ...scenarioValues, ...params } as const;
