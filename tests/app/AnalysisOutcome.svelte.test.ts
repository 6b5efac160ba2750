// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryClient } from '@tanstack/svelte-query';
import AnalysisOutcome from '../../src/app/components/AnalysisOutcome.svelte';
import { AnalysisRun } from '../../src/app/state/analysisRun.svelte.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { loadLazyParts } from './lazyParts.ts';

// The outcome asks for the views' code while the analysis runs.
beforeAll(loadLazyParts, 60_000);

beforeEach(() => {
  locale.lang = 'en';
});

/** An analysis still running, as createQuery reports it, and the run that follows it. */
function running() {
  const client = { cancelQueries: vi.fn(async () => {}) };
  const run = new AnalysisRun(client as unknown as QueryClient, () => ['analysis', 'demo', 1]);
  const analysis = $state({ isSuccess: false, isError: false, data: undefined, error: null as Error | null, refetch: vi.fn() });
  const failed = createRawSnippet((error: () => Error) => ({ render: () => `<p role="alert">${error().message}</p>` }));
  render(AnalysisOutcome, { analysis, run, name: 'demo.csv', source: 'demo.csv', url: new UrlState(), failed });
  return { client, run, analysis };
}

describe('following an analysis', () => {
  it('shows the progress the worker reports, and cancelling stops the query by its key and says so', async () => {
    const { client, run, analysis } = running();
    expect(screen.getByRole('progressbar', { name: 'Analysing demo.csv…' })).toBeInTheDocument();
    // The stage line is there before the worker's first report, so that report moves nothing.
    expect(screen.getByText('Starting')).toBeInTheDocument();
    run.onProgress({ stage: 'validate', fraction: 0.5 });
    expect(await screen.findByText(/^Checking rows · 50/)).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(client.cancelQueries).toHaveBeenCalledWith({ queryKey: ['analysis', 'demo', 1], exact: true });
    expect(screen.getByText('The analysis of demo.csv was cancelled.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Analyse again' }));
    expect(analysis.refetch).toHaveBeenCalledOnce();
    expect(run.progress).toBeNull();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByText(/Checking rows/)).toBeNull();
  });

  it('names the page’s own hand-off at the end of the bar, in Danish with a Danish percent', async () => {
    locale.lang = 'da';
    const { run } = running();
    run.onProgress({ stage: 'hand-off', fraction: 0.96 });
    expect(await screen.findByText(/^Gør visningerne klar · 96\s?%$/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '0.96');
  });

  it('leaves a failure to its caller to draw', async () => {
    const { analysis } = running();
    analysis.isError = true;
    analysis.error = new Error('The file is empty.');
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is empty.');
  });
});
