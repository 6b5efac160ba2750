// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HeatmapsView from '../../src/app/pages/heatmaps/HeatmapsView.svelte';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import * as heatmaps from '../../src/domain/aggregate/heatmaps.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';

// The view filters the follow-ups by measure type through the domain's `ofTypes`: counted here.
vi.mock('../../src/domain/aggregate/heatmaps.ts', async (actual) => {
  const real = await actual<typeof import('../../src/domain/aggregate/heatmaps.ts')>();
  return { ...real, ofTypes: vi.fn(real.ofTypes) };
});

afterEach(() => vi.useRealTimers());

const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 7, measures: 150 }), 'canonical'));

describe('a change of measure types on the workload page', () => {
  it('filters the follow-ups once, after the frame of the change, while no cell is chosen', async () => {
    history.replaceState(null, '', '/?view=heatmaps');
    render(HeatmapsView, { analysis, obligations, url: new UrlState() });
    vi.useFakeTimers();
    const filtered = vi.mocked(heatmaps.ofTypes);
    filtered.mockClear();
    await fireEvent.click(screen.getAllByRole('checkbox')[0]!);
    flushSync();
    // The frame of the change draws the first heatmap from its tabs: nothing is filtered yet.
    expect(filtered).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    flushSync();
    expect(filtered).toHaveBeenCalledTimes(1);
    expect(filtered.mock.calls[0]![1]).toHaveLength(1);
  });
});
