// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchExportFile } from '../../src/app/api.ts';
import { MAX_EXPORT_BYTES } from '../../src/domain/import/read.ts';

/*
 * An export from the endpoint over the reader's limit (decision 23) is
 * refused from its length, or as soon as more than the limit has arrived:
 * never read whole first.
 */

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const INDEX = new URL('http://localhost/exports/index.json');
const entry = { id: 'big', name: 'Big', file: 'big.csv' };
const MB = 1024 * 1024;

async function refusal(): Promise<FetchError> {
  const error = await fetchExportFile(entry, undefined, INDEX).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('an export fetched from the endpoint', () => {
  it('is refused from a declared length over the limit, before its body is read', async () => {
    let pulled = 0;
    server.use(
      http.get('*/exports/big.csv', () => {
        const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(MB))) });
        return new HttpResponse(body, { headers: { 'content-type': 'text/csv', 'content-length': String(200 * MB) } });
      }),
    );
    const error = await refusal();
    expect(error.kind).toBe('too-large');
    expect(error.refusal).toEqual({ code: 'too-large', megabytes: 200, limit: 160 });
    expect(pulled).toBeLessThan(5);
  });

  it('without a length, is refused once more than the limit has arrived, and the rest is not read', async () => {
    let pulled = 0;
    server.use(
      http.get('*/exports/big.csv', () => {
        const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(4 * MB))) });
        return new HttpResponse(body, { headers: { 'content-type': 'text/csv' } });
      }),
    );
    const error = await refusal();
    expect(error.kind).toBe('too-large');
    expect(error.refusal?.code).toBe('too-large');
    expect(pulled).toBeLessThan(MAX_EXPORT_BYTES / (4 * MB) + 5);
  }, 60_000);

  it('within the limit, arrives byte for byte', async () => {
    const text = 'case_id,measure_id,unit,event,date\nC1,M1,Amager,start,2025-01-02\n';
    server.use(http.get('*/exports/big.csv', () => HttpResponse.text(text, { headers: { 'content-type': 'text/csv' } })));
    expect(new TextDecoder().decode(await fetchExportFile(entry, undefined, INDEX))).toBe(text);
  });
});
