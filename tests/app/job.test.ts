import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../src/workers/job.ts';
import { FakeWorker } from './fakeWorker.ts';

const handlers = (result: (m: { value: number }) => number | Promise<number>) => ({
  result,
  error: (m: { message: string }) => new Error(m.message),
  crashed: (message: string) => new Error(message),
  cancelled: 'cancelled',
});

describe('a job in a worker', () => {
  it('is cancelled at once while its result is still being unpacked, not when the unpacking ends', async () => {
    let finish!: (n: number) => void;
    const unpacking = new Promise<number>((resolve) => (finish = resolve));
    const worker = new FakeWorker<unknown, { type: 'result'; value: number }>([{ type: 'result', value: 1 }]);
    const job = runInWorker(worker as unknown as Worker, {}, handlers(() => unpacking));
    await new Promise((r) => setTimeout(r, 0)); // the result message has arrived; unpacking goes on
    job.cancel();
    await expect(job.result).rejects.toMatchObject({ name: 'AbortError', message: 'cancelled' });
    finish(1);
  });

  it('rejects when unpacking fails, and resolves with what was unpacked', async () => {
    const failing = new FakeWorker<unknown, { type: 'result'; value: number }>([{ type: 'result', value: 1 }]);
    await expect(runInWorker(failing as unknown as Worker, {}, handlers(() => Promise.reject(new Error('a column is missing')))).result).rejects.toThrow('a column is missing');
    const fine = new FakeWorker<unknown, { type: 'result'; value: number }>([{ type: 'result', value: 2 }]);
    await expect(runInWorker(fine as unknown as Worker, {}, handlers((m) => Promise.resolve(m.value * 3))).result).resolves.toBe(6);
  });
});
