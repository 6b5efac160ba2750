import { setupWorker } from 'msw/browser';
import { scenarios } from './handlers.ts';

/** Starts msw in the page with the handlers of `scenario` (see `scenarios`), falling back to a working endpoint. */
export async function startMockWorker(scenario: string): Promise<void> {
  const handlers = (scenarios[scenario] ?? scenarios['1']!)();
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
  });
}
