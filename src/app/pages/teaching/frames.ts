import { queryOptions } from '@tanstack/svelte-query';
import { framesKey } from '../../../domain/teaching/scenario.ts';
import type { PackedFrames } from '../../../domain/teaching/pack.ts';
import type { FramesRequest } from '../../../workers/teachingProtocol.ts';
import type { TeachingWorker } from '../../../workers/teachingClient.ts';
import type { Versus } from './params.ts';

/** What the worker is asked, and what the panels are told apart by. */
export type Request = Omit<FramesRequest, 'type' | 'id'> & { versus: Versus };

/** The data of the panels, not how they are planned: what frames of another plan can stand in for. */
const dataOf = (request: Request) => request.panels.map((p) => framesKey(p.scenario, p.params)).join('|');

/**
 * The frames of the view's panels, made in its worker. A new request
 * cancels the one before (the query aborts its signal). While a new plan
 * of the same data is made (another lead, policy, unit), the frames shown
 * stay, so the stage does not blank; frames of other data never stand in.
 */
export function framesQuery(worker: TeachingWorker, request: Request, onProgress: (fraction: number) => void) {
  return queryOptions({
    queryKey: ['teaching', 'frames', request] as const,
    queryFn: async ({ signal }): Promise<{ request: Request; frames: PackedFrames[] }> => {
      const { panels, unit } = request;
      return { request, frames: await worker.frames({ panels, unit }, { signal, onProgress }) };
    },
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2];
      return before && dataOf(before) === dataOf(request) ? previous : undefined;
    },
    retry: false,
    gcTime: 2 * 60_000,
  });
}
