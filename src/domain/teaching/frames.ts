import { cumulativeFlow } from '../aggregate/cfd.ts';
import { dueByUnitMonth } from '../aggregate/due.ts';
import { cumulativeDue, weeklyFlowDates } from '../aggregate/flow.ts';
import { registrationByUnit } from '../aggregate/registration.ts';
import { technicalFollowUps } from '../aggregate/technical.ts';
import { unitsOf } from '../aggregate/units.ts';
import { checkCatchUp, DEFAULT_CATCH_UP } from '../backlog.ts';
import { readExport } from '../import/read.ts';
import { checkLead, policyCosts, prepareLevelling, simulate, totalCost, type PolicyName, type Prepared, type Simulation } from '../levelling/index.ts';
import { deriveChains } from '../obligations.ts';
import { checkHorizon, DEFAULT_HORIZON, forecastEnd } from '../range.ts';
import { rules as makeRules } from '../rules.ts';
import type { CfdPoint, IsoDate, MonthLabel, RegistrationCounts, Rules } from '../types.ts';
import { validate } from '../validate.ts';

/*
 * Playback frames: the figures of one export "as of" each date of a
 * sequence, as if the export had been made that day. Rows after a date are
 * rejected (SPEC §3.1, §4), so the frame of an earlier date is the export
 * cut there: the same validation, obligations, flow and levelling as an
 * analysis (analyze.ts), run once per date on rows read once.
 *
 * Two steps, so a change of lead, policy, capacity or unit costs a re-plan
 * per frame, not a new derivation: `framesOf` does the date work of each
 * frame, `levelFrame` plans one frame for the settings.
 */

/** Which dates, flows and months the frames cover. */
export interface FrameWindow {
  /** The as-of date of each frame, ascending. */
  dates: readonly IsoDate[];
  /** The week each frame's flow starts in: weekly samples from its Sunday to the frame's date. */
  flowFrom: IsoDate;
  /** The months the due counts are given for (forecast included where a frame reaches). */
  months: readonly MonthLabel[];
}

export interface FrameOptions {
  rules?: Partial<Rules>;
  /** Weeks over which each unit's backlog is caught up (SPEC §7.1, default 4). */
  catchUpWeeks?: number;
  /** Months of forecast after each frame's as-of month (default 12). */
  horizonMonths?: number;
}

/** The figures of one as-of date that do not depend on how the follow-ups are planned. */
export interface Frame {
  asOf: IsoDate;
  /** The units with accepted rows as of the date (SPEC §8). */
  units: string[];
  /** The flow's sample dates: each Sunday from the week of `flowFrom` before the as-of date, then the as-of date. */
  flowDates: IsoDate[];
  /** Per unit, the cumulative flow (SPEC §6) at each of `flowDates`. */
  flow: Record<string, CfdPoint[]>;
  /** Per unit, the follow-ups due on or before each of `flowDates` (the flow's due line). */
  flowDue: Record<string, number[]>;
  /** The window's months. */
  months: readonly MonthLabel[];
  /** Per unit, the follow-ups due in each month of `months`, projected ones included (SPEC §6). */
  due: Record<string, number[]>;
  /** Per unit, those of them that are overdue as of the date. */
  overdue: Record<string, number[]>;
  registration: Record<string, RegistrationCounts>;
  technical: Record<string, number>;
  /** The levelling's jobs and backlog as of the date (SPEC §7). */
  levelling: Prepared;
  rules: Rules;
  catchUp: number;
}

/**
 * The frames of an export, one per date, as they are worked out: a
 * generator, so a caller can report progress or stop between frames.
 * @example [...framesOf(csvText, { dates: ['2026-03-01'], flowFrom: '2025-06-01', months: ['2026-03'] })][0].units
 */
export function* framesOf(input: Uint8Array | string, window: FrameWindow, options: FrameOptions = {}): Generator<Frame, void, void> {
  const rules = makeRules(options.rules);
  const catchUp = checkCatchUp(options.catchUpWeeks ?? DEFAULT_CATCH_UP);
  const horizon = checkHorizon(options.horizonMonths ?? DEFAULT_HORIZON);
  window.dates.forEach((d, i) => {
    if (i > 0 && d <= window.dates[i - 1]!) throw new RangeError(`invalid frame dates: ${d} does not follow ${window.dates[i - 1]} (use ascending dates)`);
  });
  const { rows } = readExport(input);
  for (const asOf of window.dates) {
    const { measures } = validate(rows, asOf);
    const { obligations } = deriveChains(measures, { rules, asOf, forecastEnd: forecastEnd(asOf, horizon), catchUp });
    const units = unitsOf(measures);
    const flowDates = weeklyFlowDates(window.flowFrom, asOf);
    yield {
      asOf,
      units,
      flowDates,
      flow: cumulativeFlow(obligations, units, flowDates),
      flowDue: cumulativeDue(obligations, units, flowDates),
      months: window.months,
      due: dueByUnitMonth(obligations, units, window.months),
      overdue: dueByUnitMonth(obligations.filter((o) => o.status === 'overdue'), units, window.months),
      registration: registrationByUnit(measures, units, rules, asOf),
      technical: technicalFollowUps(measures, units),
      levelling: prepareLevelling(obligations, units, asOf),
      rules,
      catchUp,
    };
  }
}

/** How a frame's follow-ups are planned: the levelling view's controls. */
export interface FrameSettings {
  lead: number;
  policy: PolicyName;
  /** Follow-ups a unit can do a week, or null for none. */
  capacity: number | null;
  /** One unit, or null for all (each planned on its own, loads summed). */
  unit: string | null;
}

/** A frame planned: the next 26 weeks' loads and figures, and what the policy costs a year. */
export interface FrameLevel {
  sim: Simulation;
  /** Follow-ups over the 12 months after the as-of date when each is done as due, and the extra a year the policy costs (SPEC §7, last paragraph). */
  followUpsAsDue: number;
  extraPerYear: number;
}

/** The months the costs are counted over. */
const COST_MONTHS = [12] as const;

/**
 * Plans one frame for the settings: the simulation of the levelling view
 * and the cost of its policy, from the frame's own backlog and catch-up.
 */
export function levelFrame(frame: Frame, settings: FrameSettings): FrameLevel {
  const lead = checkLead(settings.lead);
  const { unit } = settings;
  // A unit with no rows yet as of the frame has nothing to plan (not every unit's).
  const prepared = unit === null || frame.units.includes(unit) ? frame.levelling : { ...frame.levelling, units: [] };
  const sim = simulate(prepared, { lead, policy: settings.policy, catchUp: frame.catchUp, capacity: settings.capacity, unit });
  const costs = totalCost(policyCosts(prepared, { lead, catchUp: frame.catchUp, unit, interval: frame.rules.interval }, COST_MONTHS));
  const period = costs.policies[settings.policy].periods[0];
  return { sim, followUpsAsDue: period?.asDue ?? 0, extraPerYear: period?.extraPerYear ?? 0 };
}
