// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BoardView from '../../src/app/pages/board/BoardView.svelte';
import { board } from '../../src/app/pages/board/params.ts';
import { cardsCsv } from '../../src/app/pages/board/table.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { boards } from '../../src/domain/board/index.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { prepareLevelling, simulate } from '../../src/domain/levelling/index.ts';
import { written } from './written.ts';

const { analysis, obligations, prepared } = deriveExport(exportText(generateRows({ seed: 2026, measures: 1200 }), 'canonical'));
const unit = analysis.units[0]!;

function open(search: string) {
  window.history.replaceState(null, '', `/?view=board${search}`);
  const url = new UrlState(window);
  render(BoardView, { analysis, obligations, prepared, url });
  return url;
}

const grid = () => screen.getByRole('grid', { name: `Follow-ups per caseworker and week, ${unit}` });

describe('the board view', () => {
  beforeEach(() => {
    locale.lang = 'en';
  });
  afterEach(() => {
    cleanup();
    locale.lang = 'en';
  });

  it('draws a unit’s swimlanes, the overdue column and 8 weeks from w0 labelled by week and Monday', () => {
    open(`&levelunit=${encodeURIComponent(unit)}`);
    const heads = within(grid()).getAllByRole('columnheader').map((h) => h.textContent!.trim());
    expect(heads[0]).toBe('Caseworker');
    expect(heads[1]).toBe('Overdue');
    expect(heads.slice(2, 10)).toHaveLength(8);
    expect(heads[2]).toMatch(/^week 45 · (2 Nov|Nov 2)$/);
    expect(heads.at(-1)).toBe('Total');
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue(unit);
  });

  it('reads the lead, the policy and the catch-up as the levelling view does, and shows the same plan', () => {
    open(`&levelunit=${encodeURIComponent(unit)}&lead=6&policy=shift&catchup=2`);
    expect(screen.getByRole('slider', { name: /Lead/ })).toHaveValue('6');
    expect(screen.getByRole('radio', { name: /^Shifted/ })).toBeChecked();
    expect(screen.getByText('Shifted, lead 6 weeks, overdue caught up over 2 weeks.')).toBeInTheDocument();
    const sim = simulate(prepareLevelling(obligations, analysis.units, analysis.asOf), { lead: 6, policy: 'shift', catchUp: 2, capacity: null, unit });
    const totals = within(grid()).getAllByRole('row').at(-1)!;
    const shown = [...totals.querySelectorAll('td')].map((c) => Number(c.textContent!.replace(/\D/g, '')));
    expect(shown.slice(1, 9)).toEqual(sim.units[0]!.load.slice(0, 8));
  });

  it('draws the first cards of a crowded cell and a button for the rest', async () => {
    // Ten follow-ups of one caseworker overdue at the as-of date.
    const rows = Array.from({ length: 10 }, (_, i) => `C${i},M${i},Valby,AB,start,2025-0${1 + (i % 6)}-1${i % 9}`);
    const crowded = deriveExport(['case_id,measure_id,unit,caseworker,event,date', ...rows].join('\n'), { asOf: '2025-10-31' });
    window.history.replaceState(null, '', '/?view=board&levelunit=Valby');
    render(BoardView, { analysis: crowded.analysis, obligations: crowded.obligations, prepared: crowded.prepared, url: new UrlState(window) });
    const cell = screen.getByRole('grid').querySelector('tbody td')!;
    expect(cell.querySelectorAll('button.card')).toHaveLength(6);
    await fireEvent.click(within(cell as HTMLElement).getByRole('button', { name: '4 more' }));
    expect(cell.querySelectorAll('button.card')).toHaveLength(10);
    expect(within(cell as HTMLElement).queryByRole('button', { name: /more$/ })).toBeNull();
  });

  it('writes its weeks, capacity and FTE to the address, and reads a decimal comma', async () => {
    locale.lang = 'da';
    const url = open(`&levelunit=${encodeURIComponent(unit)}&lang=da`);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Uger på tavlen' }), { target: { value: '4' } });
    expect(url.get(board.weeks)).toBe(4);
    expect((await written()).toString()).toContain('boardweeks=4');
    await fireEvent.change(screen.getByRole('textbox', { name: /^Kapacitet pr\. sagsbehandler/ }), { target: { value: '2,5' } });
    expect(url.get(board.capacity)).toBe(2.5);
    const fte = screen.getByRole('group', { name: /^Årsværk pr\. sagsbehandler/ });
    const first = within(fte).getAllByRole('textbox')[0]!;
    await fireEvent.change(first, { target: { value: '0,5' } });
    const named = Object.keys(url.get(board.fte));
    expect(named).toHaveLength(1);
    expect(url.get(board.fte)[named[0]!]).toBe(0.5);
    await fireEvent.change(first, { target: { value: '3' } });
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Skriv højst 2. Der regnes stadig med 0,5.')).toBeInTheDocument();
    expect(Object.values(url.get(board.fte))).toEqual([0.5]);
    expect(within(screen.getByRole('grid')).getAllByText(/^kapacitet 1,25$/).length).toBe(1);
  });

  it('shows the units side by side for all units, with a note to choose one', () => {
    open('');
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('');
    expect(screen.getByText(/^Choose a unit to see its cards/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Follow-ups per unit and week' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(analysis.units);
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('checks the last week against what was due in it', () => {
    open(`&levelunit=${encodeURIComponent(unit)}`);
    expect(screen.getByRole('heading', { name: 'Last week against plan' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: `Due, done and still open per caseworker and week, ${unit}` });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Caseworker', expect.stringMatching(/^week 44 · (26 Oct|Oct 26): due$/), expect.stringMatching(/: done$/), expect.stringMatching(/: still open$/),
    ]);
  });
});

describe('the board’s CSV', () => {
  it('carries what the cards show and where they sit, nothing more: no measure ids', () => {
    const sim = simulate(prepareLevelling(obligations, analysis.units, analysis.asOf), { lead: 4, policy: 'level', catchUp: 4, capacity: null, unit });
    const [one] = boards(sim, analysis.asOf, { weeks: 8, capacity: null });
    locale.lang = 'da';
    const { header, rows } = cardsCsv([one!]);
    locale.lang = 'en';
    expect(header).toEqual(['enhed', 'sagsbehandler', 'kolonne', 'uge_begynder', 'sags_id', 'foranstaltningstype', 'opfoelgning_nr', 'frist', 'dage_overskredet', 'indhentes_uge', 'uger_foer_tid']);
    expect(rows).toHaveLength(one!.totals.cards);
    const overdue = rows.filter((r) => r[2] === 'overskredet');
    expect(overdue).toHaveLength(one!.totals.overdue);
    expect(overdue.every((r) => r[3] === null && typeof r[8] === 'number' && /^uge \d+ \d{4}$/.test(String(r[9])) && r[10] === null)).toBe(true);
    const planned = rows.filter((r) => r[2] !== 'overskredet');
    expect(planned.every((r) => /^uge \d+ \d{4}$/.test(String(r[2])) && /^\d{4}-\d\d-\d\d$/.test(String(r[3])) && r[8] === null && r[9] === null && typeof r[10] === 'number')).toBe(true);
    const measureIds = new Set(obligations.map((o) => o.measureId));
    expect(rows.flat().some((cell) => measureIds.has(String(cell)))).toBe(false);
  });
});
