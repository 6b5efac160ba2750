// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import FlowView from '../../src/app/pages/flow/FlowView.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { isoWeekOf } from '../../src/domain/calendar.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { inLink } from './written.ts';

const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 7, measures: 400 }), 'canonical'));
const UNITS = analysis.units;
const count = (text: string | null | undefined) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

function open(search = '?view=flow') {
  window.history.replaceState(null, '', `/${search}`);
  const url = new UrlState(window);
  const view = render(FlowView, { analysis, obligations, url });
  return { url, view };
}

const allCard = () => screen.getByRole('region', { name: 'Cumulative flow, all units' });
const unitsCard = () => screen.getByRole('region', { name: /^Cumulative flow(: | per unit)/ });

describe('the cumulative flow view', () => {
  beforeEach(() => {
    locale.lang = 'en';
  });
  afterEach(() => {
    locale.lang = 'en';
  });

  it('draws one chart for all units and one small multiple per unit, each with four bands, created and due', () => {
    const { view } = open();
    const svgs = view.container.querySelectorAll('svg.chart');
    expect(svgs).toHaveLength(1 + UNITS.length);
    for (const svg of svgs) {
      expect([...svg.querySelectorAll('[data-band]')].map((p) => p.getAttribute('data-band'))).toEqual(['done', 'missed', 'overdue', 'upcoming']);
      expect(svg.querySelector('[data-line="created"]')).not.toBeNull();
      expect(svg.querySelector('[data-line="due"]')).not.toBeNull();
    }
    for (const unit of UNITS) expect(within(unitsCard()).getByRole('heading', { name: unit })).toBeInTheDocument();
  });

  it('the table of each unit equals the analysis’s cumulative flow, date by date', async () => {
    open();
    await fireEvent.click(within(unitsCard()).getByRole('button', { name: 'View as table' }));
    for (const unit of UNITS) {
      const table = screen.getByRole('table', { name: `Cumulative flow of follow-ups in ${unit}, by date` });
      const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
      expect(headers).toEqual(['Date', 'Created (arrivals)', 'Upcoming', 'Overdue', 'Missed', 'Done', 'Due so far']);
      const rows = within(table).getAllByRole('row').slice(1);
      const points = analysis.cfd[unit]!;
      expect(rows).toHaveLength(points.length);
      rows.forEach((row, i) => {
        const p = points[i]!;
        const cells = within(row).getAllByRole('cell').map((c) => count(c.textContent));
        expect(cells.slice(0, 5)).toEqual([p.created, p.upcoming, p.overdue, p.missed, p.done]);
        expect(within(row).getByRole('rowheader')).toHaveTextContent(locale.formatDate(p.date));
      });
    }
  });

  it('hiding done takes its band and the lines off every chart and writes hide=done to the address', async () => {
    const { url, view } = open();
    await fireEvent.click(within(allCard()).getByRole('checkbox', { name: 'Done' }));
    expect(await inLink('hide')).toBe('done');
    const svg = view.container.querySelector('svg.chart')!;
    expect([...svg.querySelectorAll('[data-band]')].map((p) => p.getAttribute('data-band'))).toEqual(['missed', 'overdue', 'upcoming']);
    expect(svg.querySelector('[data-line]')).toBeNull();
    expect(screen.getByText('The lines for created and due are drawn when every band is shown.')).toBeInTheDocument();
  });

  it('the weekly grain has a row for each week and ends on the as-of date', async () => {
    const { url } = open('?view=flow&grain=week');
    expect(await inLink('grain')).toBe('week');
    const ticks = [...allCard().querySelectorAll('svg.chart text')].map((t) => t.textContent ?? '');
    expect(ticks.some((t) => /^W\d+$/.test(t))).toBe(true);
    await fireEvent.click(within(allCard()).getByRole('button', { name: 'View as table' }));
    const rows = within(screen.getByRole('table', { name: /All units/ })).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.at(-1)).toHaveTextContent(locale.formatDate(analysis.asOf));
    expect(within(rows.at(-1)!).getByRole('rowheader')).toHaveTextContent(new RegExp(`^W${Number(isoWeekOf(analysis.asOf).slice(6))} · `));
  });

  it('the statistics follow the range chosen with the date selects, which is written to the address', async () => {
    const { url } = open();
    const wip = () => screen.getByTestId('stat-wip').textContent;
    const throughput = () => screen.getByTestId('stat-throughput').textContent;
    const before = [wip(), throughput()];
    const from = within(allCard()).getByRole('combobox', { name: 'From' }) as HTMLSelectElement;
    const dates = [...from.options].map((o) => o.value);
    await fireEvent.change(from, { target: { value: dates.at(-4) } });
    expect(await inLink('from')).toBe(dates.at(-4));
    expect([wip(), throughput()]).not.toEqual(before);
    expect(screen.getByRole('heading', { level: 3, name: /^Flow from/ })).toHaveTextContent(locale.formatDate(dates.at(-4)!));
    expect(screen.getByText(/By Little’s law/)).toBeInTheDocument();
  });

  it('a range in the address selects the same dates in the selects and marks them on the chart', () => {
    const dates = analysis.cfd[UNITS[0]!]!.map((p) => p.date);
    const { view } = open(`?view=flow&from=${dates[2]}&to=${dates[6]}`);
    expect(within(allCard()).getByRole('combobox', { name: 'From' })).toHaveValue(dates[2]);
    expect(within(allCard()).getByRole('combobox', { name: 'To' })).toHaveValue(dates[6]);
    expect(view.container.querySelector('[data-brush]')?.getAttribute('data-brush')).toBe('2,6');
  });

  it('filtering by measure type recomputes the flow from that type’s follow-ups only', async () => {
    const { url } = open();
    const type = 'familiebehandling';
    await fireEvent.click(within(allCard()).getByRole('checkbox', { name: type }));
    expect(await inLink('types')).toBe(type);
    await fireEvent.click(within(allCard()).getByRole('button', { name: 'View as table' }));
    const last = within(screen.getByRole('table', { name: /All units/ })).getAllByRole('row').at(-1)!;
    const created = count(within(last).getAllByRole('cell')[0]!.textContent);
    const expected = obligations.filter((o) => o.measureType === type && o.status !== 'projected' && o.created <= analysis.asOf).length;
    expect(created).toBe(expected);
  });

  it('compare mode shows the two chosen units side by side, and the choice is written to the address', async () => {
    const { url, view } = open();
    await fireEvent.change(screen.getByRole('combobox', { name: 'First unit' }), { target: { value: UNITS[1] } });
    expect(await inLink('compare')).toBeNull();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Second unit' }), { target: { value: UNITS[3] } });
    expect(await inLink('compare')).toBe(`${UNITS[1]},${UNITS[3]}`);
    expect(view.container.querySelectorAll('svg.chart')).toHaveLength(3);
    expect(within(unitsCard()).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([UNITS[1], UNITS[3]]);
  });

  it('a focused chart reads every band’s value on a date, and the arrow keys move the date', async () => {
    open();
    const slider = within(allCard()).getByRole('slider');
    const last = analysis.cfd;
    await fireEvent.focus(slider);
    const total = UNITS.reduce((s, u) => s + last[u]!.at(-1)!.created, 0);
    expect(slider.getAttribute('aria-valuetext')).toContain(`Created (arrivals): ${locale.formatNumber(total)}`);
    for (const name of ['Upcoming', 'Overdue', 'Missed', 'Done', 'Due so far']) expect(slider.getAttribute('aria-valuetext')).toContain(`${name}:`);
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider).toHaveAttribute('aria-valuenow', '1');
  });

  it('speaks Danish', () => {
    locale.lang = 'da';
    open();
    expect(screen.getByRole('region', { name: 'Kumulativt flow, alle enheder' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Udført' })).toBeInTheDocument();
    expect(screen.getByText(/Efter Littles lov/)).toBeInTheDocument();
  });
});
