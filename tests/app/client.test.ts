import { describe, expect, it } from 'vitest';
import { AnalysisError, analyzeInWorker, startAnalysis } from '../../src/workers/client.ts';
import type { AnalyzeRequest, AnalyzeResponse } from '../../src/workers/protocol.ts';
import { figures } from './analysis.ts';


/** A stand-in for the analysis worker that answers with `script` once asked. */
class FakeWorker {
  onmessage: ((event: MessageEvent<AnalyzeResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: AnalyzeRequest[] = [];
  constructor(private readonly script: AnalyzeResponse[]) {}
  postMessage(request: AnalyzeRequest) {
    this.received.push(request);
    queueMicrotask(() => {
      for (const data of this.script) if (!this.terminated) this.onmessage?.({ data } as MessageEvent<AnalyzeResponse>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const using = (worker: FakeWorker) => () => worker as unknown as Worker;

describe('the analysis worker client', () => {
  it('passes the input and options on, reports progress, and resolves with the figures', async () => {
    const worker = new FakeWorker([
      { type: 'progress', stage: 'parse', fraction: 0 },
      { type: 'progress', stage: 'derive', fraction: 0.65 },
      { type: 'result', figures },
    ]);
    const seen: string[] = [];
    const job = startAnalysis('csv', {
      options: { asOf: '2025-06-30' },
      onProgress: (p) => seen.push(`${p.stage} ${p.fraction}`),
      createWorker: using(worker),
    });
    await expect(job.result).resolves.toBe(figures);
    expect(worker.received).toEqual([{ input: 'csv', options: { asOf: '2025-06-30' } }]);
    expect(seen).toEqual(['parse 0', 'derive 0.65']);
    expect(worker.terminated).toBe(true);
  });

  it('rejects with the domain’s reason when the file is refused whole', async () => {
    const worker = new FakeWorker([{ type: 'error', message: 'The workbook has no sheets.', refusal: { code: 'no-sheets' } }]);
    const result = startAnalysis('x', { createWorker: using(worker) }).result;
    await expect(result).rejects.toEqual(new AnalysisError('The workbook has no sheets.', { code: 'no-sheets' }));
  });

  it('cancels by terminating the worker when the signal aborts', async () => {
    const worker = new FakeWorker([]);
    const controller = new AbortController();
    const result = analyzeInWorker('csv', { signal: controller.signal, createWorker: using(worker) });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
