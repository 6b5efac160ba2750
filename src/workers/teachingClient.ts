import type { PackedFrames } from '../domain/teaching/pack.ts';
import type { FramesRequest, TeachingRequest, TeachingResponse } from './teachingProtocol.ts';
import { confinedWorker } from './confined.ts';
import teachingUrl from './teaching.worker.ts?worker&url';

export type { PanelRequest } from './teachingProtocol.ts';

/** The frames could not be made; the message is the domain's. */
export class FramesError extends Error {
  override name = 'FramesError';
}

interface Waiting {
  resolve(panels: PackedFrames[]): void;
  reject(reason: unknown): void;
  onProgress: ((fraction: number) => void) | undefined;
}

const createTeachingWorker = (): Worker => confinedWorker(teachingUrl, 'sagsflow-teaching');

/**
 * The teaching view's worker: one for the page, kept between requests so
 * the frames it derived serve the next plan. Each request has an id; a
 * cancel (an aborted signal) tells the worker to stop between frames and
 * rejects at once with an AbortError.
 */
export class TeachingWorker {
  #worker: Worker | null = null;
  #next = 1;
  readonly #waiting = new Map<number, Waiting>();
  readonly #create: () => Worker;

  /** `create` makes the worker; tests pass a fake. */
  constructor(create: () => Worker = createTeachingWorker) {
    this.#create = create;
  }

  /** The packed frames of each panel, planned for the unit in scope. */
  frames(
    request: Omit<FramesRequest, 'type' | 'id'>,
    { signal, onProgress }: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
  ): Promise<PackedFrames[]> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.#next++;
    const worker = this.#started();
    return new Promise<PackedFrames[]>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, onProgress });
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.#waiting.delete(id)) return;
          this.#post({ type: 'cancel', id });
          reject(new DOMException('The frames were cancelled.', 'AbortError'));
        },
        { once: true },
      );
      worker.postMessage({ type: 'frames', id, ...request } satisfies TeachingRequest);
    });
  }

  /** Stops the worker; what it was asked for rejects. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const w of this.#waiting.values()) w.reject(new DOMException('The frames were cancelled.', 'AbortError'));
    this.#waiting.clear();
  }

  #post(message: TeachingRequest): void {
    this.#worker?.postMessage(message);
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.onmessage = ({ data }: MessageEvent<TeachingResponse>) => {
      const waiting = this.#waiting.get(data.id);
      if (!waiting) return;
      if (data.type === 'progress') return waiting.onProgress?.(data.fraction);
      this.#waiting.delete(data.id);
      if (data.type === 'result') waiting.resolve(data.panels);
      else if (data.type === 'cancelled') waiting.reject(new DOMException('The frames were cancelled.', 'AbortError'));
      else waiting.reject(new FramesError(data.message));
    };
    worker.onerror = (event: ErrorEvent) => {
      const reason = new FramesError(event.message || 'The teaching worker failed to start.');
      worker.terminate();
      this.#worker = null;
      for (const w of this.#waiting.values()) w.reject(reason);
      this.#waiting.clear();
    };
    return (this.#worker = worker);
  }
}
