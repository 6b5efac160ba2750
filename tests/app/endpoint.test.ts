// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tick } from 'svelte';
import App from '../../src/App.svelte';
import { endpointIndexUrl } from '../../src/app/api.ts';
import { rememberedMapping, rememberMapping } from '../../src/app/import/localFile.svelte.ts';
import { createQueryClient } from '../../src/app/queries.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { exportEndpoint } from '../../mocks/handlers.ts';
import { server } from '../../mocks/node.ts';
import { loadLazyParts } from './lazyParts.ts';

// The page fetches its views' code when first shown: loaded once here, so no test ends with a load on its way.
beforeAll(loadLazyParts, 60_000);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  locale.lang = 'en';
  history.replaceState(null, '', '/');
});

const renderApp = () =>
  render(App, { queryClient: createQueryClient({ defaultOptions: { queries: { retry: false } } }), url: new UrlState() });

/** The export picker once the list has come: it holds its place, disabled, while the list loads. */
async function exportPicker(name: string): Promise<HTMLElement> {
  const picker = await screen.findByRole('combobox', { name });
  await waitFor(() => expect(picker).toBeEnabled());
  return picker;
}

describe('the export endpoint', () => {
  it('shows that the list is loading while a slow server answers', async () => {
    server.use(...exportEndpoint({ delayMs: 'infinite' }));
    renderApp();
    expect(await screen.findByText('Loading the list of exports…')).toBeInTheDocument();
    // The picker holds its place in the header, so nothing moves when the list comes.
    const picker = screen.getByRole('combobox', { name: 'Export' });
    expect(picker).toBeDisabled();
    expect(picker).toHaveDisplayValue('Loading…');
  });

  it('calls a malformed list of exports what it is', async () => {
    server.use(http.get('*/exports/index.json', () => HttpResponse.json({ exports: [{ id: 1 }] })));
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('/exports/index.json is not a list of exports in the expected format.');
  });

  it('reads the list from another endpoint on the same origin named in the address', async () => {
    const paths: string[] = [];
    server.events.on('request:start', ({ request }) => void paths.push(new URL(request.url).pathname));
    history.replaceState(null, '', '/?endpoint=/udtraek/');
    renderApp();
    await exportPicker('Export');
    expect(paths).toContain('/udtraek/exports/index.json');
    server.events.removeAllListeners();
  });

  it('names each export in the page’s language when the list gives a name in it, and falls back to its name', async () => {
    server.use(
      http.get('*/exports/index.json', () =>
        HttpResponse.json({
          exports: [
            { id: 'a', name: 'Tiny fixture', names: { da: 'Lille testfil' }, file: 'tiny.csv' },
            { id: 'b', name: 'Only in English', file: 'tiny.csv' },
          ],
        }),
      ),
      ...exportEndpoint(),
    );
    locale.lang = 'da';
    renderApp();
    const picker = await exportPicker('Udtræk');
    expect([...picker.querySelectorAll('option:not([disabled])')].map((o) => o.textContent)).toEqual(['Lille testfil', 'Only in English']);
    locale.lang = 'en';
    await tick();
    expect([...picker.querySelectorAll('option:not([disabled])')].map((o) => o.textContent)).toEqual(['Tiny fixture', 'Only in English']);
  });

  it('keeps the endpoint form behind Settings in the header, not at the foot of every view', async () => {
    server.use(...exportEndpoint());
    locale.lang = 'da';
    renderApp();
    await exportPicker('Udtræk');
    expect(screen.queryByRole('textbox', { name: 'Udtræksadresse' })).toBeNull();
    const settings = within(screen.getByRole('banner')).getByRole('button', { name: 'Datakilde' });
    expect(settings).toHaveAttribute('aria-expanded', 'false');
    await fireEvent.click(settings);
    expect(settings).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: 'Datakilde' });
    expect(settings).toHaveAttribute('aria-controls', panel.id);
    expect(within(panel).getByRole('textbox', { name: 'Udtræksadresse' })).toBeInTheDocument();
    await fireEvent.click(settings);
    expect(screen.queryByRole('textbox', { name: 'Udtræksadresse' })).toBeNull();
  });

  it('resolves an endpoint on this origin and refuses one on another', () => {
    const page = 'http://localhost:4173/app/';
    expect(endpointIndexUrl('/udtraek/', page)?.href).toBe('http://localhost:4173/udtraek/exports/index.json');
    expect(endpointIndexUrl('data', page)?.href).toBe('http://localhost:4173/app/data/exports/index.json');
    expect(endpointIndexUrl('https://example.org/exports/', page)).toBeNull();
    expect(endpointIndexUrl('//evil.example/', page)).toBeNull();
  });
});

describe('a remembered column mapping', () => {
  it('is stored under a key made from the header names, with header names only', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    rememberMapping(['Sag', 'Team'], { case_id: 0, unit: 1 }, storage);
    expect(rememberedMapping(['Sag', 'Team'], storage)).toEqual({ case_id: 0, unit: 1 });
    expect(rememberedMapping(['Team', 'Sag'], storage)).toBeNull();
    expect([...store.keys()][0]).toMatch(/^sagsflow\.mapping\.2-[0-9a-z]+$/);
    expect([...store.values()]).toEqual(['{"case_id":0,"unit":1}']);
  });

  it('remembered by header names, as it once was, is read as the columns of those names', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    rememberMapping(['Sag', 'Team'], { case_id: 0 }, storage);
    store.set([...store.keys()][0]!, JSON.stringify({ case_id: 'Sag', unit: 'Team', date: 'Gone', measure_id: 7 }));
    expect(rememberedMapping(['Sag', 'Team'], storage)).toEqual({ case_id: 0, unit: 1 });
  });
});
