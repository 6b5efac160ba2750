import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/*
 * Every worker is as confined as the page: served by `vite preview`, which
 * sends no Content Security Policy header, a worker that took its policy
 * from its own response could fetch any host. Each worker's built script
 * gets a probe appended for the test (and restored after it) that fetches
 * another origin, a server of this test, and then a same-origin control
 * that says how the first went. The file is changed on disk rather than
 * through page.route: Playwright's interception of a worker's requests
 * makes its other requests fail too, which would hide the defect.
 */

const ASSETS = 'dist/assets';

let server: Server;
let foreignHits: string[] = [];
let foreign = '';

test.beforeAll(async () => {
  server = createServer((request, response) => {
    foreignHits.push(request.url ?? '');
    response.writeHead(200, { 'access-control-allow-origin': '*' }).end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  foreign = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
test.beforeEach(() => void (foreignHits = []));

/** Where each worker starts: the page it serves, and what to do there. */
const WORKERS = [
  { worker: 'analyze', path: '/?lang=en' },
  { worker: 'teaching', path: '/?view=teaching&lang=en' },
  { worker: 'solve', path: '/?view=balance&lang=en&bunit=Valby' },
];

for (const { worker, path } of WORKERS) {
  test(`the ${worker} worker cannot fetch another origin, and can fetch its own`, async ({ page }) => {
    const probe = `
;(async () => {
  const far = await fetch(${JSON.stringify(`${foreign}/from-${worker}`)}).then(() => 'reached', () => 'blocked');
  await fetch(new URL('probe-${worker}-' + far, import.meta.url));
})();`;
    const file = readdirSync(ASSETS).find((name) => name.startsWith(`${worker}.worker-`) && name.endsWith('.js'));
    expect(file, 'the build has the worker').toBeDefined();
    const script = join(ASSETS, file!);
    const original = readFileSync(script, 'utf8');
    writeFileSync(script, original + probe);
    try {
      const control = page.waitForRequest(`**/assets/probe-${worker}-*`, { timeout: 60_000 });
      await page.goto(path);
      // The same-origin control arrives, so the probe ran; the far fetch did not get out.
      expect((await control).url()).toMatch(new RegExp(`probe-${worker}-blocked$`));
      expect(foreignHits).toEqual([]);
    } finally {
      writeFileSync(script, original);
    }
  });
}
