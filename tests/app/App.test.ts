// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import { createQueryClient } from '../../src/app/queries.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { fileMissing, indexFails, spaFallback } from '../../mocks/handlers.ts';
import { server } from '../../mocks/node.ts';
import { loadLazyParts } from './lazyParts.ts';
import { written } from './written.ts';

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

describe('the app against the export endpoint', () => {
  it('shows a server error on the list of exports with a retry button that recovers', async () => {
    server.use(...indexFails(500));
    renderApp();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The list of exports could not be loaded.');
    expect(alert).toHaveTextContent('The server answered 500 for /exports/index.json.');

    server.resetHandlers();
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    const picker = await exportPicker('Export');
    expect(picker).toHaveDisplayValue('Tiny fixture (2 units)');
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });

  it('says a missing file was not found, in Danish when asked', async () => {
    history.replaceState(null, '', '/?lang=da');
    server.use(...fileMissing('tiny.csv'));
    renderApp();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Udtrækket Tiny fixture (2 units) kunne ikke hentes.');
    expect(alert).toHaveTextContent('/exports/tiny.csv findes ikke på serveren (404).');
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeInTheDocument();
  });

  it('calls a web page where data was expected what it is, not a parse error', async () => {
    server.use(...spaFallback());
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('the server sent a web page instead');
  });

  it('keeps the chosen export and language in the address', async () => {
    renderApp();
    const picker = await exportPicker('Export');
    await fireEvent.change(picker, { target: { value: 'tiny-excel-da' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dansk' }));

    const address = await written();
    expect(address.get('export')).toBe('tiny-excel-da');
    expect(address.get('lang')).toBe('da');
    expect(document.documentElement.lang).toBe('da');
    expect(screen.getByRole('combobox', { name: 'Udtræk' })).toHaveDisplayValue('Tiny Danish Excel fixture');
  });
});
