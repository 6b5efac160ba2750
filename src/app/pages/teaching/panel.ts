import type { ScenarioName } from '../../../domain/generate/scenarios.ts';
import type { PolicyName } from '../../../domain/levelling/index.ts';
import type { PackedFrames } from '../../../domain/teaching/pack.ts';

/* One panel of the stage: its frames, how they were planned, and what to call it. */

export interface Panel {
  key: string;
  /** What tells it from the other panel (a policy, a lead, a scenario); the scenario's name alone. */
  name: string;
  scenario: ScenarioName;
  frames: PackedFrames;
  lead: number;
  policy: PolicyName;
  /** Follow-ups a unit can do a week. */
  capacity: number;
}

/** The text size of every chart in the view: a room must read it from the back. */
export const FONT_SIZE = 16;
/** Legends and figures beside the charts. */
export const LEGEND_SIZE = 18;
