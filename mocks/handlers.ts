/**
 * The export endpoint (`<base>/exports/index.json` and the files beside it)
 * as msw handlers, shared by the dev server's browser worker, vitest's node
 * server and any test that wants a failure. Each factory returns handlers
 * for one situation; `server.use(...)` puts them in front of the defaults.
 */
import { delay, http, HttpResponse, type HttpHandler, type HttpResponseResolver } from 'msw';
import tiny from '../tests/fixtures/tiny.csv?raw';
import tinyExcelDa from '../tests/fixtures/tiny-excel-da.csv?raw';

export interface MockExport {
  id: string;
  name: string;
  file: string;
  body: string;
}

export const mockExports: MockExport[] = [
  { id: 'tiny', name: 'Tiny fixture (2 units)', file: 'tiny.csv', body: tiny },
  { id: 'tiny-excel-da', name: 'Tiny Danish Excel fixture', file: 'tiny-excel-da.csv', body: tinyExcelDa },
];

/** Matches the endpoint under any origin and base path. */
const INDEX = '*/exports/index.json';
const FILE = '*/exports/:file';

/** A handler for the export files that leaves the index to the index's handler. */
function files(resolver: HttpResponseResolver<{ file: string }>): HttpHandler {
  return http.get<{ file: string }>(FILE, (info) => (info.params.file === 'index.json' ? undefined : resolver(info)));
}

export interface EndpointOptions {
  exports?: MockExport[];
  /** Milliseconds before each answer, or 'infinite' for one that never comes. */
  delayMs?: number | 'infinite';
}

/** A working endpoint. */
export function exportEndpoint({ exports = mockExports, delayMs = 0 }: EndpointOptions = {}): HttpHandler[] {
  return [
    http.get(INDEX, async () => {
      if (delayMs) await delay(delayMs);
      return HttpResponse.json({ exports: exports.map(({ id, name, file }) => ({ id, name, file })) });
    }),
    files(async ({ params }) => {
      if (delayMs) await delay(delayMs);
      const found = exports.find((e) => e.file === params.file);
      if (!found) return new HttpResponse('Not found', { status: 404 });
      return new HttpResponse(found.body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
    }),
  ];
}

/** The index answers with a server error. */
export function indexFails(status = 500): HttpHandler[] {
  return [http.get(INDEX, () => new HttpResponse('Internal Server Error', { status }))];
}

/** Every export file answers with a server error. */
export function filesFail(status = 500): HttpHandler[] {
  return [files(() => new HttpResponse('Internal Server Error', { status }))];
}

/** The index lists `file`, but the file is not there. */
export function fileMissing(file = mockExports[0]!.file): HttpHandler[] {
  return [http.get(`*/exports/${file}`, () => new HttpResponse('Not found', { status: 404 }))];
}

/** A static server's SPA fallback: index.html with status 200 where data was expected. */
export function spaFallback(): HttpHandler[] {
  const page = '<!doctype html><html><body><div id="app"></div></body></html>';
  return [http.get(INDEX, () => HttpResponse.html(page)), files(() => HttpResponse.html(page))];
}

/** Every export file is something other than a table of events. */
export function malformedFiles(): HttpHandler[] {
  const junk = '\u0000\u0001PK\u0003\u0004 this is not a table';
  return [files(() => new HttpResponse(junk, { headers: { 'content-type': 'text/csv' } }))];
}

/** The situations a developer can pick with `?mock=<name>` in the dev server. */
export const scenarios: Record<string, () => HttpHandler[]> = {
  '1': () => exportEndpoint(),
  slow: () => exportEndpoint({ delayMs: 3000 }),
  '500': () => [...indexFails(500), ...exportEndpoint()],
  '404': () => [...fileMissing(), ...exportEndpoint()],
  html: () => spaFallback(),
  malformed: () => [...malformedFiles(), ...exportEndpoint()],
};

export const handlers: HttpHandler[] = exportEndpoint();
