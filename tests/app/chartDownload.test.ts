// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Views from '../../src/app/pages/Views.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { figuresOf } from '../../src/domain/analyze.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';

const figures = figuresOf(exportText(generateRows({ seed: 9, measures: 300 }), 'canonical'));
const saved: Blob[] = [];

beforeEach(() => {
  saved.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => (saved.push(blob), 'blob:picture'));
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  locale.lang = 'en';
});

function open(view: string, source = 'exports/udtraek 2025.csv') {
  history.replaceState(null, '', `/?view=${view}`);
  render(Views, { figures, url: new UrlState(), source });
}

/** The words of a saved SVG, one string per text element, and its height. */
async function savedSvg(card: HTMLElement) {
  await fireEvent.click(within(card).getByRole('button', { name: /SVG/ }));
  const doc = new DOMParser().parseFromString(await saved.at(-1)!.text(), 'image/svg+xml');
  const root = doc.documentElement;
  return { texts: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''), height: Number(root.getAttribute('height')), root };
}

describe('a saved chart picture', () => {
  it('carries its title, what the numbers are, the as-of date, the file and every legend entry', async () => {
    open('levelling&levelcap=30');
    const card = await screen.findByRole('region', { name: /^Weekly load/ });
    const bare = Number(card.querySelector('svg.chart')!.getAttribute('height'));
    const { texts, height } = await savedSvg(card);
    expect(texts[0]).toBe('Weekly load, next 26 weeks: Levelled against as due');
    expect(texts).toContain(`As of ${locale.formatDate(figures.analysis.asOf)}. Source: udtraek 2025.csv.`);
    expect(texts.some((t) => t.startsWith('Bars: follow-ups per week under Levelled.'))).toBe(true);
    for (const item of within(card).getAllByRole('listitem')) expect(texts).toContain(item.textContent!.trim());
    expect(texts.filter((t) => /^(As due|Lower bound|Capacity)/.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(height).toBeGreaterThan(bare);
  });

  it('says it in Danish on the Danish page, the heatmap’s key included', async () => {
    locale.lang = 'da';
    open('heatmaps');
    const card = await screen.findByRole('region', { name: 'Opfølgninger med frist pr. enhed og måned' });
    const { texts, root } = await savedSvg(card);
    expect(texts[0]).toBe('Opfølgninger med frist pr. enhed og måned');
    expect(texts).toContain(`Opgjort pr. ${locale.formatDate(figures.analysis.asOf)}. Kilde: udtraek 2025.csv.`);
    expect(texts.some((t) => t.startsWith('Prognose'))).toBe(true);
    expect(texts).toContain('Opgørelsesmåned');
    // The colour ramp travels as the picture it is on the page, its title with it.
    expect(texts).toContain('Opfølgninger med frist');
    expect(root.querySelector('linearGradient')).not.toBeNull();
  });

  it('names each small multiple by its unit, and never shows a CPR number from the file’s name', async () => {
    open('flow', 'udtraek 010190-1234.csv');
    const card = await screen.findByRole('region', { name: 'Cumulative flow per unit' });
    const { texts } = await savedSvg(card);
    for (const unit of figures.analysis.units) expect(texts).toContain(unit);
    expect(texts.join(' ')).not.toContain('010190');
    expect(texts).toContain(`As of ${locale.formatDate(figures.analysis.asOf)}. Source: udtraek ••••••-••••.csv.`);
  });
});
