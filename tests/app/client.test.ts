import { describe, expect, it } from 'vitest';
import { AnalysisError, analyzeInWorker, startAnalysis } from '../../src/workers/client.ts';
import { packFigures } from '../../src/workers/figuresTransfer.ts';
import type { AnalyzeRequest, AnalyzeResponse } from '../../src/workers/protocol.ts';
import { figures } from './analysis.ts';
import { FakeWorker, using } from './fakeWorker.ts';


/** A stand-in for the analysis worker that answers with `script` once asked. */
class FakeAnalysisWorker extends FakeWorker<AnalyzeRequest, AnalyzeResponse> {}

describe('the analysis worker client', () => {
  it('passes the input and options on, reports progress all the way, and resolves with the figures', async () => {
    const worker = new FakeAnalysisWorker([
      { type: 'progress', stage: 'parse', fraction: 0 },
      { type: 'progress', stage: 'derive', fraction: 0.5 },
      { type: 'progress', stage: 'level', fraction: 1 },
      { type: 'result', figures: packFigures(figures).figures },
    ]);
    const seen: { stage: string; fraction: number }[] = [];
    const job = startAnalysis('csv', {
      options: { asOf: '2025-06-30' },
      onProgress: (p) => seen.push(p),
      createWorker: using(worker),
    });
    await expect(job.result).resolves.toEqual(figures);
    expect(worker.received).toEqual([{ input: 'csv', options: { asOf: '2025-06-30' } }]);
    // The worker's stages fill most of the bar; the page's building of the figures the rest, to the end.
    expect(seen.slice(0, 3).map((p) => p.stage)).toEqual(['parse', 'derive', 'level']);
    expect(seen[0]!.fraction).toBe(0);
    expect(seen[2]!.fraction).toBeGreaterThan(0.85);
    expect(seen[2]!.fraction).toBeLessThan(1);
    const handOff = seen.slice(3);
    expect(handOff.length).toBeGreaterThan(0);
    expect(handOff.every((p) => p.stage === 'hand-off')).toBe(true);
    expect(handOff.at(-1)!.fraction).toBe(1);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(worker.terminated).toBe(true);
  });

  it('hands the worker a copy of the bytes, transferred, and keeps its own', async () => {
    const worker = new FakeAnalysisWorker([{ type: 'result', figures: packFigures(figures).figures }]);
    const bytes = new TextEncoder().encode('case_id,measure_id,unit,event,date\n');
    await startAnalysis(bytes, { createWorker: using(worker) }).result;
    const sent = worker.received[0]!.input as Uint8Array;
    expect(sent).not.toBe(bytes);
    expect(sent).toEqual(bytes);
    expect(worker.transferred[0]).toEqual([sent.buffer]);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('rejects with the domain’s reason when the file is refused whole', async () => {
    const worker = new FakeAnalysisWorker([{ type: 'error', message: 'The workbook has no sheets.', refusal: { code: 'no-sheets' } }]);
    const result = startAnalysis('x', { createWorker: using(worker) }).result;
    await expect(result).rejects.toEqual(new AnalysisError('The workbook has no sheets.', { code: 'no-sheets' }));
  });

  it('cancels by terminating the worker when the signal aborts', async () => {
    const worker = new FakeAnalysisWorker([]);
    const controller = new AbortController();
    const result = analyzeInWorker('csv', { signal: controller.signal, createWorker: using(worker) });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
