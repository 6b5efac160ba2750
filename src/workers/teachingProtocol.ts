import type { ScenarioName, ScenarioParams } from '../domain/generate/scenarios.ts';
import type { PolicyName } from '../domain/levelling/index.ts';
import type { PackedFrames } from '../domain/teaching/pack.ts';

/*
 * The messages between the teaching worker and its client: a request for
 * the frames of one or two panels, progress, the packed frames (their
 * typed arrays transferred), or an error; and a cancel. The worker stays
 * up between requests and keeps the frames it derived, so a new lead or
 * policy only re-plans them.
 */

/** One panel: a scenario with its parameters, planned at a lead and policy. */
export interface PanelRequest {
  scenario: ScenarioName;
  params: ScenarioParams;
  lead: number;
  policy: PolicyName;
}

export interface FramesRequest {
  type: 'frames';
  id: number;
  panels: PanelRequest[];
  /** The unit in scope, or null for all. */
  unit: string | null;
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type TeachingRequest = FramesRequest | CancelRequest;

export type TeachingResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; panels: PackedFrames[] }
  /** The request stopped: cancelled, or overtaken by a newer one. */
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
