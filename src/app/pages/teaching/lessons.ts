import { STORY_UNIT, type ScenarioName } from '../../../domain/generate/scenarios.ts';
import type { PolicyName } from '../../../domain/levelling/index.ts';
import type { IsoDate } from '../../../domain/types.ts';
import type { Show, Versus } from './params.ts';

/*
 * The lessons: each scenario's steps, in order. A step sets the view's
 * controls (what is shown, as of which date, which plan, side by side or
 * not) through the address, so a step is a link. Controls a step does not
 * name go back to their defaults, so a step opens the same whatever came
 * before it; the scenario's parameters stay as the trainer set them,
 * except a catch-up the step names.
 */

/** The words of a step: its title is shared, its text is the scenario's. */
export const STEP_KINDS = ['flow', 'peak', 'backlog', 'lead', 'level', 'cost', 'stat', 'real', 'clear', 'echo', 'spread'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Step {
  kind: StepKind;
  show: Show;
  at: IsoDate;
  lead?: number;
  policy?: PolicyName;
  unit?: string;
  /** The second panel: what it differs in, and its value. */
  versus?: { kind: Exclude<Versus, 'off'>; value: string | number };
  catchUp?: number;
}

const END: IsoDate = '2026-12-27';

export const LESSONS: Readonly<Record<ScenarioName, readonly Step[]>> = {
  even: [
    { kind: 'flow', show: 'flow', at: END },
    { kind: 'peak', show: 'heat', at: '2026-06-28' },
    { kind: 'lead', show: 'load', at: '2026-06-28', lead: 4, policy: 'shift', versus: { kind: 'policy', value: 'due' } },
    { kind: 'level', show: 'load', at: '2026-06-28', lead: 4, policy: 'level', versus: { kind: 'policy', value: 'due' } },
    { kind: 'cost', show: 'load', at: '2026-06-28', lead: 4, policy: 'level', versus: { kind: 'lead', value: 0 } },
  ],
  august: [
    { kind: 'peak', show: 'heat', at: '2025-10-26' },
    { kind: 'backlog', show: 'load', at: '2025-10-26', policy: 'due' },
    { kind: 'lead', show: 'load', at: '2025-10-26', lead: 4, policy: 'shift', versus: { kind: 'policy', value: 'due' } },
    { kind: 'level', show: 'load', at: '2025-10-26', lead: 4, policy: 'level', versus: { kind: 'policy', value: 'due' } },
    { kind: 'cost', show: 'load', at: '2025-10-26', lead: 4, policy: 'level', versus: { kind: 'lead', value: 0 } },
  ],
  behind: [
    { kind: 'flow', show: 'flow', at: END },
    { kind: 'backlog', show: 'flow', at: END, unit: STORY_UNIT.behind! },
    { kind: 'peak', show: 'load', at: END, unit: STORY_UNIT.behind!, policy: 'due' },
    { kind: 'level', show: 'load', at: END, unit: STORY_UNIT.behind!, lead: 4, policy: 'level', versus: { kind: 'policy', value: 'due' } },
    { kind: 'spread', show: 'load', at: END, unit: STORY_UNIT.behind!, policy: 'due', catchUp: 4, versus: { kind: 'catchup', value: 8 } },
  ],
  technical: [
    { kind: 'stat', show: 'stat', at: END },
    { kind: 'real', show: 'flow', at: END, unit: STORY_UNIT.technical! },
    { kind: 'backlog', show: 'load', at: END, unit: STORY_UNIT.technical!, policy: 'due' },
    { kind: 'spread', show: 'load', at: END, unit: STORY_UNIT.technical!, policy: 'due', catchUp: 4, versus: { kind: 'catchup', value: 8 } },
  ],
  echo: [
    { kind: 'backlog', show: 'flow', at: '2026-01-04', unit: STORY_UNIT.echo!, catchUp: 2 },
    { kind: 'clear', show: 'heat', at: '2026-01-04', catchUp: 2 },
    { kind: 'echo', show: 'heat', at: '2026-07-26', catchUp: 2 },
    { kind: 'spread', show: 'heat', at: '2026-07-26', catchUp: 2, versus: { kind: 'catchup', value: 8 } },
    { kind: 'level', show: 'load', at: '2026-06-07', unit: STORY_UNIT.echo!, lead: 4, policy: 'level', catchUp: 2, versus: { kind: 'policy', value: 'due' } },
  ],
};
