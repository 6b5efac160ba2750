// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LoadChart from '../../src/app/pages/levelling/LoadChart.svelte';
import { LOAD_COLORS } from '../../src/charts/colors.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { prepareLevelling, simulate } from '../../src/domain/levelling/index.ts';
import type { Obligation } from '../../src/domain/types.ts';

const W0 = '2025-06-30';
const obligations: Obligation[] = [2, 2, 2, 2, 10].map((w, i) => ({
  measureKey: `C${i}`, caseId: `C${i}`, measureId: 'M', measureType: 'T', seq: 1, created: '2025-01-01',
  due: addDays(W0, 7 * w + 1), completed: null, status: 'upcoming', measureEnd: null, unit: 'A', caseworker: 'Kim',
}));
const sim = simulate(prepareLevelling(obligations, ['A'], '2025-07-02'), { lead: 4, policy: 'level', catchUp: 4, capacity: 3, unit: null });

const round = (v: string | null) => Math.round(Number(v));

describe('the weekly load chart', () => {
  it('draws one filled bar per week for the policy and one outline per week for as due, labelled by ISO week', () => {
    locale.lang = 'en';
    const { container } = render(LoadChart, { sim, policyName: 'Levelled', capacity: 3 });
    const chart = container.querySelector('svg.chart')!;
    const filled = chart.querySelectorAll('rect[fill="#0072B2"]');
    const outlines = chart.querySelectorAll('rect[fill="none"][stroke="#1b1f24"]');
    expect(filled).toHaveLength(26);
    expect(outlines).toHaveLength(26);
    // Levelled: two in weeks 1 and 2, as due four in week 2: the as-due outline of week 2 is twice the height of its bar.
    const h = (el: Element | undefined) => round(el!.getAttribute('height'));
    expect(h(outlines[2])).toBe(2 * h(filled[2]));
    expect(h(filled[0])).toBe(0);
    expect(h(filled[1])).toBe(h(filled[2]));
    const labels = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('W27');
    expect(labels).toContain('Capacity');
    expect(screen.getByRole('img', { name: /Peak 2 against 4 as due/ })).toBeInTheDocument();
  });

  it('draws the capacity as a dashed rule at its value and the lower bound dotted', () => {
    const { container } = render(LoadChart, { sim, policyName: 'Levelled', capacity: 3 });
    const chart = container.querySelector('svg.chart')!;
    const cap = chart.querySelector('line[stroke="#CC79A7"]')!;
    const bound = chart.querySelector('line[stroke="#4a5260"][stroke-dasharray="2 3"]')!;
    expect(cap.getAttribute('stroke-dasharray')).toBe('6 4');
    // y is linear from 0 at the bottom: the rule at 3 lies above the one at 2.
    expect(Number(cap.getAttribute('y1'))).toBeLessThan(Number(bound.getAttribute('y1')));
  });

  it('says how the capacity line of several units is made up', () => {
    const two = simulate(prepareLevelling(obligations, ['A', 'B'], '2025-07-02'), { lead: 4, policy: 'level', catchUp: 4, capacity: 3, unit: null });
    render(LoadChart, { sim: two, policyName: 'Levelled', capacity: 3 });
    expect(screen.getByText('Capacity: 2 units × 3 (6)')).toBeInTheDocument();
  });

  it('draws each rule in the legend as it is drawn in the chart: the bound dotted, the capacity dashed', () => {
    const { container } = render(LoadChart, { sim, policyName: 'Levelled', capacity: 3 });
    const chart = container.querySelector('svg.chart')!;
    const legend = [...container.querySelectorAll('li')];
    const swatch = (label: RegExp) => legend.find((li) => label.test(li.textContent ?? ''))!.querySelector('line')!;
    // A rule is a 2 px line across the plot (tick marks share the bound's grey).
    const drawn = (color: string) => chart.querySelector(`line[stroke="${color}"][stroke-width="2"]`)!.getAttribute('stroke-dasharray');
    expect(swatch(/^\s*Lower bound/).getAttribute('stroke-dasharray')).toBe(drawn(LOAD_COLORS.bound));
    expect(swatch(/^\s*Capacity/).getAttribute('stroke-dasharray')).toBe(drawn(LOAD_COLORS.capacity));
    expect(drawn(LOAD_COLORS.bound)).toBeTruthy();
  });

  it('puts its axis title above the top tick label, inside the chart', () => {
    const { container } = render(LoadChart, { sim, policyName: 'Levelled', capacity: 3 });
    const chart = container.querySelector('svg.chart')!;
    const title = [...chart.querySelectorAll('text')].find((t) => t.textContent === 'Follow-ups per week')!;
    const FONT = 12;
    const em = (v: string | null) => (v?.endsWith('em') ? parseFloat(v) * FONT : Number(v ?? 0));
    const baseline = Number(title.getAttribute('y')) + em(title.getAttribute('dy'));
    const ticks = [...title.parentElement!.querySelectorAll(':scope > g[transform^="translate(0,"]')].map((g) => {
      const at = Number(/translate\(0,([-\d.]+)\)/.exec(g.getAttribute('transform')!)![1]);
      return at + em(g.querySelector('text')!.getAttribute('dy'));
    });
    const topTickBaseline = Math.min(...ticks);
    // The title's descenders (0.25em) stay clear of the top tick label's capitals (0.75em high).
    expect(baseline + 0.25 * FONT).toBeLessThanOrEqual(topTickBaseline - 0.75 * FONT);
    // And its capitals stay inside the top margin.
    const plotTop = Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(chart.querySelector(':scope > g')!.getAttribute('transform')!)![1]);
    expect(baseline - 0.75 * FONT).toBeGreaterThanOrEqual(-plotTop);
  });

  it('has the numbers behind it as a table', async () => {
    render(LoadChart, { sim, policyName: 'Levelled', capacity: null });
    await fireEvent.click(screen.getByRole('button', { name: 'View as table' }));
    const table = screen.getByRole('table', { name: 'Follow-ups per ISO week' });
    const row = [...table.querySelectorAll('tbody tr')][2]!;
    expect([...row.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual(['week 29', 'July 14, 2025', '2', '0', '4']);
  });

  it('names the weeks in Danish on the Danish page, each tick with its Monday under it, and weeks across New Year with their year', async () => {
    locale.lang = 'da';
    try {
      const { container, unmount } = render(LoadChart, { sim, policyName: 'Udjævnet', capacity: null });
      const ticks = [...container.querySelectorAll('svg.chart text')].map((t) => t.textContent);
      expect(ticks.slice(ticks.indexOf('uge 27'), ticks.indexOf('uge 27') + 2)).toEqual(['uge 27', '30. jun.']);
      expect(ticks.join(' ')).not.toMatch(/\bW\d/);
      await fireEvent.click(screen.getByRole('button', { name: 'Vis som tabel' }));
      const row = [...screen.getByRole('table', { name: 'Opfølgninger pr. ISO-uge' }).querySelectorAll('tbody tr')][2]!;
      expect(row.querySelector('th')!.textContent).toBe('uge 29');
      unmount();

      const winter = simulate(prepareLevelling(obligations, ['A'], '2025-12-10'), { lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null });
      render(LoadChart, { sim: winter, policyName: 'Udjævnet', capacity: null });
      await fireEvent.click(screen.getByRole('button', { name: 'Vis som tabel' }));
      const headers = [...screen.getByRole('table', { name: 'Opfølgninger pr. ISO-uge' }).querySelectorAll('tbody th')].map((c) => c.textContent);
      expect(headers.slice(2, 5)).toEqual(['uge 52 2025', 'uge 1 2026', 'uge 2 2026']);
    } finally {
      locale.lang = 'en';
    }
  });
});
