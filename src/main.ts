import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './app/state/locale.svelte.ts';
import { app } from './app/state/params.ts';
import './app/app.css';

/**
 * In the dev server, `?mock=1` (or `?mock=<scenario>`, see mocks/browser.ts)
 * serves the export endpoint from msw. The check on `import.meta.env.DEV`
 * lets the build drop the import, so production carries no msw.
 */
async function startMocks(): Promise<void> {
  const scenario = app.mock.read(new URLSearchParams(location.search).get(app.mock.key));
  if (import.meta.env.DEV && scenario) {
    const { startMockWorker } = await import('../mocks/browser.ts');
    await startMockWorker(scenario);
  }
}

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

await startMocks();
locale.prepare();
mount(App, { target });
