/// <reference lib="webworker" />
import { framesKey, scenarioFrames, scenarioWindow } from '../domain/teaching/scenario.ts';
import { packFrames, transferables } from '../domain/teaching/pack.ts';
import type { Frame } from '../domain/teaching/frames.ts';
import type { FramesRequest, TeachingRequest, TeachingResponse } from './teachingProtocol.ts';
import { nextTask } from './columns.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: TeachingResponse, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

/** The frames of the scenarios seen last (two panels, and the one before): a new plan of them is cheap. */
const KEEP = 3;
const derived = new Map<string, Frame[]>();
let latest = 0;
const cancelled = new Set<number>();

async function run(request: FramesRequest): Promise<void> {
  const stale = () => {
    if (!cancelled.has(request.id) && latest === request.id) return false;
    cancelled.delete(request.id);
    post({ type: 'cancelled', id: request.id });
    return true;
  };
  const keys = request.panels.map((p) => framesKey(p.scenario, p.params));
  const missing = [...new Set(keys)].filter((k) => !derived.has(k));
  // Deriving a frame costs about three plans of one.
  const steps = missing.length * 3 + request.panels.length;
  const perScenario = scenarioWindow().dates.length;
  let done = 0;
  for (const key of missing) {
    const panel = request.panels[keys.indexOf(key)]!;
    const frames: Frame[] = [];
    for (const frame of scenarioFrames(panel.scenario, panel.params)) {
      frames.push(frame);
      if (frames.length % 4 === 0) {
        post({ type: 'progress', id: request.id, fraction: (done + (3 * frames.length) / perScenario) / steps });
        await nextTask(); // lets a cancel or a newer request in
        if (stale()) return;
      }
    }
    derived.delete(key);
    derived.set(key, frames);
    while (derived.size > KEEP) derived.delete(derived.keys().next().value!);
    done += 3;
  }
  const panels = [];
  for (const [i, p] of request.panels.entries()) {
    const frames = derived.get(keys[i]!)!;
    panels.push(packFrames(frames, { lead: p.lead, policy: p.policy, capacity: p.params.capacity, unit: request.unit }));
    post({ type: 'progress', id: request.id, fraction: ++done / steps });
    await nextTask(); // lets a cancel or a newer request in
    if (stale()) return;
  }
  post({ type: 'result', id: request.id, panels }, panels.flatMap(transferables));
}

scope.onmessage = ({ data }: MessageEvent<TeachingRequest>) => {
  if (data.type === 'cancel') {
    // Only the latest request can still be running: an older one stops at its next frame anyway.
    if (data.id === latest) cancelled.add(data.id);
    return;
  }
  latest = data.id;
  run(data).catch((error: unknown) => post({ type: 'error', id: data.id, message: error instanceof Error ? error.message : String(error) }));
};
