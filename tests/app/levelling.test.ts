// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LevellingView from '../../src/app/pages/levelling/LevellingView.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { fileName } from '../../src/app/files.ts';
import { isoWeekOf } from '../../src/domain/calendar.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { planningRange } from '../../src/domain/range.ts';
import { policyCosts } from '../../src/domain/levelling/index.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { written } from './written.ts';

const { analysis, prepared, settings } = deriveExport(exportText(generateRows({ seed: 2026, measures: 1200 }), 'canonical'));

function open(search: string) {
  window.history.replaceState(null, '', `/?view=levelling${search}`);
  const url = new UrlState(window);
  render(LevellingView, { analysis, prepared, settings, url });
  return url;
}

const figureRow = (key: string) => document.querySelector<HTMLTableRowElement>(`tr[data-figure="${key}"]`)!;
const policyValue = (key: string) => Number(figureRow(key).querySelector('td.value')!.textContent!.replace(/[.,\s]/g, ''));

describe('the levelling view', () => {
  beforeEach(() => {
    locale.lang = 'en';
  });
  afterEach(() => {
    locale.lang = 'en';
    vi.restoreAllMocks();
  });

  it('reads its settings from the address and says that levelling is per unit', () => {
    open('&lead=6&policy=shift&levelcap=40');
    expect(screen.getByRole('slider', { name: /Lead/ })).toHaveValue('6');
    expect(screen.getByRole('textbox', { name: /Capacity/ })).toHaveValue('40');
    expect(screen.getByRole('radio', { name: /^Shifted/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('');
    expect(screen.getByText(/Levelling is planned per unit/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Figures: Shifted against as due' })).toBeInTheDocument();
  });

  it('moving the lead from 0 to 8 lowers the levelled peak shown, and writes the lead to the address', async () => {
    open('&lead=0&levelunit=' + encodeURIComponent(analysis.units[0]!));
    const before = policyValue('peak');
    await fireEvent.input(screen.getByRole('slider', { name: /Lead/ }), { target: { value: '8' } });
    expect((await written()).toString()).toContain('lead=8');
    const after = policyValue('peak');
    expect(after).toBeLessThan(before);
    // At lead 0 no follow-up can move: the levelled peak is the as-due peak, and the lower bound equals it.
    expect(policyValue('lowerBound')).toBe(after);
  });

  it('explains a levelled all-units peak above the pooled lower bound, and says nothing for one unit, where they agree', () => {
    open('&lead=6');
    const peak = policyValue('peak');
    const bound = policyValue('lowerBound');
    expect(peak).toBeGreaterThan(bound);
    expect(screen.getByText(new RegExp(`levelled peak \\(${peak}\\) lies above the lower bound \\(${bound}\\)`))).toBeInTheDocument();
    cleanup();
    open('&lead=6&levelunit=' + encodeURIComponent(analysis.units[0]!));
    expect(policyValue('peak')).toBe(policyValue('lowerBound'));
    expect(screen.queryByText(/lies above the lower bound/)).toBeNull();
  });

  it('choosing a policy and a unit changes the address, the figures and the heatmap’s rows', async () => {
    open('');
    await fireEvent.click(screen.getByRole('radio', { name: /^As due/ }));
    expect((await written()).toString()).toContain('policy=due');
    expect(within(figureRow('peak')).getAllByRole('cell').at(-1)).toHaveTextContent(/^0\s?%$/);
    const unit = analysis.units[1]!;
    await fireEvent.change(screen.getByRole('combobox', { name: 'Unit' }), { target: { value: unit } });
    expect((await written()).get('levelunit')).toBe(unit);
    expect(screen.getByRole('heading', { name: `The plan by caseworker and week, ${unit}` })).toBeInTheDocument();
  });

  it('counts weeks over a capacity only when one is set', async () => {
    open('&policy=due');
    expect(figureRow('weeksOver')).toHaveTextContent('Set a capacity');
    await fireEvent.change(screen.getByRole('textbox', { name: /Capacity/ }), { target: { value: '1' } });
    expect((await written()).toString()).toContain('levelcap=1');
    expect(policyValue('weeksOver')).toBeGreaterThan(0);
  });

  it('shows the cost of each policy per unit, with a total', () => {
    open('&lead=8');
    const table = screen.getByRole('table', { name: /extra per year each policy costs/ });
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([...analysis.units, 'Total']);
  });

  it('works out the costs of another catch-up a moment after the charts, saying meanwhile that they are behind', async () => {
    open('&lead=4');
    const section = screen.getByRole('region', { name: 'The cost: extra follow-ups per year' });
    expect(section).toHaveAttribute('aria-busy', 'false');
    await fireEvent.input(screen.getByRole('slider', { name: /Catch-up/ }), { target: { value: '9' } });
    expect(section).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(section).toHaveAttribute('aria-busy', 'false'));
    const expected = policyCosts(prepared, { lead: 4, catchUp: 9, unit: null, interval: settings.rules.interval });
    const table = within(section).getByRole('table', { name: /extra per year each policy costs/ });
    const first = within(table).getAllByRole('row')[1]!;
    // The fourth figure is the follow-ups over 12 months as due: the backlog's chains start on the catch-up days.
    expect(Number(within(first).getAllByRole('cell')[3]!.textContent!.replace(/[,\s]/g, ''))).toBe(expected[0]!.policies.due.periods[0]!.asDue);
  });

  /** The printed plan: a table per caseworker, every row (drawn for the print-out only). */
  function printedPlans() {
    window.dispatchEvent(new Event('beforeprint'));
    return screen.getAllByRole('table', { name: /follow-ups to start$/ });
  }

  it('lists per caseworker the follow-ups to start in the chosen weeks, and prints and downloads them', async () => {
    const print = vi.fn();
    window.print = print;
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:plan'));
    URL.revokeObjectURL = vi.fn();
    open('&levelunit=' + encodeURIComponent(analysis.units[0]!) + '&weeks=2');
    await fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByRole('button', { name: 'Download the plan (CSV)' }));
    await waitFor(() => expect(created).toHaveLength(1));
    const plans = printedPlans();
    expect(plans.length).toBeGreaterThan(0);
    const weeks = new Set(plans.flatMap((t) => within(t).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent!.split(' · ')[0])));
    expect(weeks.size).toBeLessThanOrEqual(2);
    for (const w of weeks) expect(w).toMatch(/^week \d+(, \d{4})?$/);
    expect([...new Uint8Array(await created[0]!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const text = await created[0]!.text();
    expect(text.split('\r\n')[0]).toBe('unit,caseworker,week,week_starts,case_id,measure_id,measure_type,due,days_overdue,weeks_early');
    expect(text.split('\r\n')[1]).toMatch(/^[^,]*,[^,]*,"week \d+, \d{4}",\d{4}-\d{2}-\d{2},/);
    expect(text.split('\r\n').length - 1).toBe(plans.reduce((s, t) => s + within(t).getAllByRole('row').length - 1, 0));
    window.dispatchEvent(new Event('afterprint'));
  });

  it('draws a long plan as it is scrolled, every row reachable, and prints and downloads every row', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:plan'));
    URL.revokeObjectURL = vi.fn();
    open('&weeks=26');
    await fireEvent.click(screen.getByRole('button', { name: 'Download the plan (CSV)' }));
    await waitFor(() => expect(created).toHaveLength(1));
    const all = (await created[0]!.text()).split('\r\n').length - 1;
    expect(all).toBeGreaterThan(500);
    const list = screen.getByRole('table', { name: `Follow-ups to start, by caseworker: ${locale.formatNumber(all)}` });
    const groups = within(list).getAllByRole('columnheader').filter((th) => th.getAttribute('scope') === 'colgroup');
    expect(groups.length).toBeGreaterThan(0);
    // The whole list's size is told; a few dozen rows are drawn, not thousands.
    const count = Number(list.getAttribute('aria-rowcount'));
    expect(count).toBeGreaterThan(all);
    const drawn = () => within(list).getAllByRole('row').filter((r) => r.hasAttribute('aria-rowindex')).slice(1);
    expect(drawn().length).toBeLessThan(60);
    expect(drawn()[0]).toHaveAttribute('aria-rowindex', '2');
    // Scrolled to its end, it draws the last rows.
    const viewport = screen.getByRole('region', { name: /^Follow-ups to start, by caseworker/ });
    viewport.scrollTop = 1e9;
    await fireEvent.scroll(viewport);
    expect(drawn().at(-1)).toHaveAttribute('aria-rowindex', String(count));
    expect(drawn().length).toBeLessThan(60);
    const printed = printedPlans();
    expect(printed.reduce((s, t) => s + within(t).getAllByRole('row').length - 1, 0)).toBe(all);
    window.dispatchEvent(new Event('afterprint'));
    await Promise.resolve();
    expect(screen.queryAllByRole('table', { name: /follow-ups to start$/ })).toHaveLength(0);
  });

  it('announces a re-plan in one sentence, not by reading out the whole table', async () => {
    open('&lead=6&levelunit=' + encodeURIComponent(analysis.units[0]!));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(new RegExp(`^Levelled at a lead of 6 weeks: peak ${policyValue('peak')} against ${Number(figureRow('peak').querySelector('td')!.textContent)} as due \\(-\\d+%\\)\\. No plan can go below ${policyValue('lowerBound')}\\.( Every plan carries the \\d+ overdue follow-ups, caught up over 4 weeks\\.)?$`));
    expect(screen.getByRole('table', { name: /^Figures:/ }).closest('[aria-live]')).toBeNull();
    await fireEvent.input(screen.getByRole('slider', { name: /Lead/ }), { target: { value: '1' } });
    expect(screen.getByRole('status')).toHaveTextContent(/^Levelled at a lead of 1 week: peak/);
  });

  it('says one week, not "1 weeks"', () => {
    open('&lead=1');
    expect(screen.getByRole('slider', { name: /Lead/ })).toHaveAttribute('aria-valuetext', '1 week');
    expect(screen.getByRole('option', { name: 'This week' })).toHaveValue('1');
    expect(screen.getByText(/at a lead of 1 week\./)).toBeInTheDocument();
  });

  it('puts the settings and the as-of date on the printed plan', () => {
    open('&lead=6&policy=shift&levelunit=' + encodeURIComponent(analysis.units[0]!));
    const plan = screen.getByRole('region', { name: /^The plan:/ });
    expect(within(plan).getByText(`Shifted, lead 6 weeks, backlog caught up over 4 weeks, ${analysis.units[0]!}, as of ${locale.formatDate(analysis.asOf)}.`)).toBeInTheDocument();
  });

  it('refuses a capacity or a lead it does not accept, says why, and keeps the one in use', async () => {
    open('&lead=12&levelcap=30');
    const cap = screen.getByRole('textbox', { name: /Capacity/ });
    await fireEvent.change(cap, { target: { value: '0' } });
    expect(cap).toHaveAccessibleDescription(/^Leave empty for none\..* Write 1 or more\. Still using 30\.$/);
    const lead = screen.getByRole('textbox', { name: /Lead/ });
    await fireEvent.change(lead, { target: { value: '20' } });
    expect(lead).toHaveAccessibleDescription('Write 12 or less. Still using 12.');
    const catchUp = screen.getByRole('textbox', { name: /Catch-up/ });
    await fireEvent.change(catchUp, { target: { value: '0' } });
    expect(catchUp).toHaveAccessibleDescription('Write 1 or more. Still using 4.');
    await fireEvent.change(catchUp, { target: { value: '8' } });
    const address = await written();
    expect(address.get('catchup')).toBe('8');
    expect(address.get('levelcap')).toBe('30');
    expect(address.get('lead')).toBe('12');
    await fireEvent.change(cap, { target: { value: '' } });
    expect((await written()).get('levelcap')).toBeNull();
  });

  it('reads a capacity the Danish way: 1.000 is a thousand, 7,5 is not a whole number', async () => {
    locale.lang = 'da';
    open('');
    const cap = screen.getByRole('textbox', { name: /Kapacitet/ });
    await fireEvent.change(cap, { target: { value: '1.000' } });
    expect((await written()).get('levelcap')).toBe('1000');
    expect(cap).toHaveValue('1.000');
    await fireEvent.change(cap, { target: { value: '7,5' } });
    expect(cap).toHaveAttribute('aria-invalid', 'true');
    expect((await written()).get('levelcap')).toBe('1000');
  });

  it('names the plan’s download in Danish on the Danish page, its weeks as "uge 27 2025"', async () => {
    locale.lang = 'da';
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:plan'));
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      open('&levelunit=' + encodeURIComponent(analysis.units[0]!) + '&weeks=2');
      await fireEvent.click(screen.getByRole('button', { name: 'Hent planen (CSV)' }));
      await waitFor(() => expect(created).toHaveLength(1));
      // The plan's first week, w0: the week of the first workday after the as-of date.
      const week = isoWeekOf(planningRange(analysis.asOf).first);
      expect(names).toEqual([`${fileName('udjævningsplan', analysis.units[0]!)}-uge-${Number(week.slice(6))}-${week.slice(0, 4)}.csv`]);
      expect(names[0]).toMatch(/^udjaevningsplan-[A-Za-z0-9-]+\.csv$/);
      const lines = (await created[0]!.text()).split('\r\n');
      expect(lines[0]).toBe('enhed;sagsbehandler;uge;uge_begynder;sags_id;foranstaltnings_id;foranstaltningstype;frist;dage_overskredet;uger_foer_tid');
      expect(lines[1]).toMatch(/^[^;]*;[^;]*;uge \d+ \d{4};\d{4}-\d{2}-\d{2};/);
    } finally {
      click.mockRestore();
    }
  });

  it('speaks natural Danish: a lead is a head start (forspring), a policy a strategy', () => {
    locale.lang = 'da';
    open('&lead=1&policy=level');
    expect(screen.getByRole('slider', { name: /^Forspring/ })).toHaveAttribute('aria-valuetext', '1 uge');
    expect(screen.getByRole('group', { name: 'Strategi' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /^Spidsbelastning/ })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Denne uge' })).toBeInTheDocument();
    expect(screen.queryByText(/forløb/i)).toBeNull();
  });

  it('explains the dash where as due is 0 and a change in percent cannot be given', () => {
    open('');
    const table = screen.getByRole('table', { name: /^Figures:/ });
    expect(within(figureRow('meanDaysEarly')).getAllByRole('cell').at(-1)).toHaveTextContent('–');
    expect(table).toHaveAccessibleDescription('–: no change in percent, as the figure is 0 as due.');
  });

  it('speaks Danish', () => {
    locale.lang = 'da';
    open('&policy=level');
    expect(screen.getByRole('table', { name: 'Nøgletal: Udjævnet over for ved frist' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Forskudt/ })).not.toBeChecked();
    expect(screen.getByText(/Udjævningen planlægges pr. enhed/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Udskriv' })).toBeInTheDocument();
  });

  describe('the backlog', () => {
    const busiest = analysis.units.reduce((a, b) => (analysis.levelling[b]!.backlog > analysis.levelling[a]!.backlog ? b : a));
    const backlog = analysis.levelling[busiest]!.backlog;

    it('is drawn as its own band, caught up over the weeks the catch-up control sets', async () => {
      expect(backlog).toBeGreaterThan(4);
      open('&levelunit=' + encodeURIComponent(busiest));
      const card = screen.getByRole('heading', { name: /^Weekly load/ }).closest('section.card') as HTMLElement;
      await fireEvent.click(within(card).getByRole('button', { name: 'View as table' }));
      const column = () => {
        const table = screen.getByRole('table', { name: 'Follow-ups per ISO week' });
        return [...table.querySelectorAll('tbody tr')].map((tr) => Number(tr.querySelectorAll('td')[2]!.textContent));
      };
      expect(column().reduce((a, b) => a + b, 0)).toBe(backlog);
      expect(column().slice(4).every((n) => n === 0)).toBe(true);
      expect(screen.getByRole('status')).toHaveTextContent(`Every plan carries the ${backlog} overdue follow-ups, caught up over 4 weeks.`);
      await fireEvent.input(screen.getByRole('slider', { name: /Catch-up/ }), { target: { value: '1' } });
      expect((await written()).toString()).toContain('catchup=1');
      expect(column()[0]).toBe(backlog);
      expect(screen.getByRole('status')).toHaveTextContent('caught up over 1 week.');
    });

    it('a catch-up out of range in a link is clamped', () => {
      open('&catchup=40');
      expect(screen.getByRole('slider', { name: /Catch-up/ })).toHaveValue('26');
    });

    it('lists each caseworker’s overdue follow-ups first in the plan, with how many days overdue', () => {
      open('&levelunit=' + encodeURIComponent(busiest) + '&weeks=4');
      window.dispatchEvent(new Event('beforeprint'));
      const plan = screen.getByRole('region', { name: /^The plan:/ });
      const marked = within(plan).getAllByText(/^Overdue \d+ days?$/);
      expect(marked).toHaveLength(backlog);
      for (const table of within(plan).getAllByRole('table')) {
        const rows = [...table.querySelectorAll('tbody tr')];
        const firstPlain = rows.findIndex((r) => !r.classList.contains('overdue'));
        if (firstPlain >= 0) expect(rows.slice(firstPlain).some((r) => r.classList.contains('overdue'))).toBe(false);
      }
      window.dispatchEvent(new Event('afterprint'));
    });
  });
});
