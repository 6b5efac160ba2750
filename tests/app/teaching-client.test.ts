import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/domain/generate/scenarios.ts';
import type { PackedFrames } from '../../src/domain/teaching/pack.ts';
import { FramesError, TeachingWorker } from '../../src/workers/teachingClient.ts';
import type { TeachingRequest, TeachingResponse } from '../../src/workers/teachingProtocol.ts';

/** A stand-in for the teaching worker: answers each frames request with `answer(id)`, records every message. */
class FakeWorker {
  onmessage: ((event: MessageEvent<TeachingResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: TeachingRequest[] = [];
  terminated = false;
  constructor(private readonly answer: (id: number) => TeachingResponse[]) {}
  postMessage(request: TeachingRequest) {
    this.received.push(request);
    if (request.type !== 'frames') return;
    queueMicrotask(() => {
      for (const data of this.answer(request.id)) if (!this.terminated) this.onmessage?.({ data } as MessageEvent<TeachingResponse>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const packed = { dates: ['2025-06-01'] } as unknown as PackedFrames;
const panel = { scenario: 'august' as const, params: SCENARIOS.august.defaults, lead: 4, policy: 'level' as const };

describe('the teaching worker client', () => {
  it('asks for the panels’ frames with an id, reports progress, and resolves with the packed frames', async () => {
    const fake = new FakeWorker((id) => [
      { type: 'progress', id, fraction: 0.5 },
      { type: 'result', id, panels: [packed] },
    ]);
    const worker = new TeachingWorker(() => fake as unknown as Worker);
    const seen: number[] = [];
    await expect(worker.frames({ panels: [panel], unit: null }, { onProgress: (f) => seen.push(f) })).resolves.toEqual([packed]);
    expect(fake.received).toEqual([{ type: 'frames', id: 1, panels: [panel], unit: null }]);
    expect(seen).toEqual([0.5]);
  });

  it('keeps one worker for the page: a second request goes to the same one, with the next id', async () => {
    let made = 0;
    const fake = new FakeWorker((id) => [{ type: 'result', id, panels: [] }]);
    const worker = new TeachingWorker(() => (made++, fake as unknown as Worker));
    await worker.frames({ panels: [panel], unit: null });
    await worker.frames({ panels: [panel], unit: 'Valby' });
    expect(made).toBe(1);
    expect(fake.received.map((r) => r.id)).toEqual([1, 2]);
  });

  it('cancels by telling the worker the id, and rejects at once with an AbortError', async () => {
    const fake = new FakeWorker(() => []);
    const worker = new TeachingWorker(() => fake as unknown as Worker);
    const controller = new AbortController();
    const result = worker.frames({ panels: [panel], unit: null }, { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.received.at(-1)).toEqual({ type: 'cancel', id: 1 });
    expect(fake.terminated).toBe(false);
  });

  it('rejects with the domain’s message when the frames cannot be made', async () => {
    const fake = new FakeWorker((id) => [{ type: 'error', id, message: 'invalid lead: -1' }]);
    const worker = new TeachingWorker(() => fake as unknown as Worker);
    await expect(worker.frames({ panels: [panel], unit: null })).rejects.toEqual(new FramesError('invalid lead: -1'));
  });

  it('rejects with an AbortError when the worker says a newer request overtook it', async () => {
    const fake = new FakeWorker((id) => [{ type: 'cancelled', id }]);
    const worker = new TeachingWorker(() => fake as unknown as Worker);
    await expect(worker.frames({ panels: [panel], unit: null })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('ignores answers to a request that was cancelled', async () => {
    const fake = new FakeWorker((id) => (id === 1 ? [] : [{ type: 'result', id, panels: [packed] }]));
    const worker = new TeachingWorker(() => fake as unknown as Worker);
    const controller = new AbortController();
    const first = worker.frames({ panels: [panel], unit: null }, { signal: controller.signal });
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    fake.onmessage?.({ data: { type: 'result', id: 1, panels: [] } } as unknown as MessageEvent<TeachingResponse>);
    await expect(worker.frames({ panels: [panel], unit: null })).resolves.toEqual([packed]);
  });
});
