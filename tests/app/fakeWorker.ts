/** A stand-in for a worker that answers with `script` once asked, unless terminated first. */
export class FakeWorker<Request, Response> {
  onmessage: ((event: MessageEvent<Response>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: Request[] = [];
  /** What each request handed over (its transfer list). */
  transferred: Transferable[][] = [];
  constructor(private readonly script: Response[]) {}
  postMessage(request: Request, transfer: Transferable[] = []) {
    this.received.push(request);
    this.transferred.push(transfer);
    queueMicrotask(() => {
      for (const data of this.script) if (!this.terminated) this.onmessage?.({ data } as MessageEvent<Response>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

/** The fake where a worker factory is expected. */
export const using =
  <Q, R>(worker: FakeWorker<Q, R>) =>
  () =>
    worker as unknown as Worker;
