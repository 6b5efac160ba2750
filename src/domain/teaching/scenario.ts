import { addMonths, monthRange } from '../calendar.ts';
import { generateRows, exportText } from '../generate/index.ts';
import { clampParams, PLAYBACK, playbackDates, scenarioOptions, type ScenarioName, type ScenarioParams } from '../generate/scenarios.ts';
import { framesOf, type Frame, type FrameWindow } from './frames.ts';

/*
 * A scenario played back: its export made by the generator, written as a
 * file would be and read back like any export, then derived as of each
 * Sunday of the playback.
 */

/** Months after the playback's end that the heatmap still shows: the forecast the last frame looks into. */
const MONTHS_AFTER = 6;

/** The playback's frames, flows and months, the same for every scenario so two can be set side by side. */
export function scenarioWindow(): FrameWindow {
  return { dates: playbackDates(), flowFrom: PLAYBACK.from, months: monthRange(PLAYBACK.from, addMonths(PLAYBACK.to, MONTHS_AFTER)) };
}

/** What the frames of a scenario depend on (the capacity only plans them); equal keys, equal frames. */
export function framesKey(name: ScenarioName, params: ScenarioParams): string {
  const { measures, seasonality, late, catchUp } = clampParams(params);
  return JSON.stringify([name, measures, seasonality, late, catchUp]);
}

/**
 * The frames of a scenario, one as of each Sunday of the playback, as they
 * are worked out.
 * @example [...scenarioFrames('august', SCENARIOS.august.defaults)].length // 83
 */
export function scenarioFrames(name: ScenarioName, params: ScenarioParams): Generator<Frame, void, void> {
  const p = clampParams(params);
  return framesOf(exportText(generateRows(scenarioOptions(name, p)), 'canonical'), scenarioWindow(), { catchUpWeeks: p.catchUp });
}
