// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import HeatmapsView from '../../src/app/pages/heatmaps/HeatmapsView.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { caseworkerWeekTab } from '../../src/domain/aggregate/heatmaps.ts';
import { isoWeekOf, mondayOfIsoWeek } from '../../src/domain/calendar.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { inLink } from './written.ts';

const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 7, measures: 150 }), 'canonical'));
/** "1,234" as 1234; a dash (empty) as 0. */
const num = (text: string | null) => (text?.trim() === '–' ? 0 : Number((text ?? '').replace(/[,\s]/g, '')));

function open(search = '') {
  history.replaceState(null, '', `/?view=heatmaps${search}`);
  const url = new UrlState();
  render(HeatmapsView, { analysis, obligations, url });
  return url;
}

const monthCard = () => screen.getByRole('region', { name: 'Follow-ups due per unit and month' });
const weekCard = () => screen.getByRole('region', { name: /^Follow-ups due per caseworker and week in/ });

async function monthTable() {
  await fireEvent.click(within(monthCard()).getByRole('button', { name: 'View as table' }));
  return within(monthCard()).getByRole('table', { name: /^Follow-ups due per unit and month/ });
}

describe('the workload heatmaps page', () => {
  beforeEach(() => {
    locale.lang = 'en';
  });

  it('shows in its table exactly the domain’s follow-ups due per unit and month, with totals', async () => {
    open();
    const table = await monthTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(analysis.units.length + 1);
    analysis.units.forEach((unit, i) => {
      expect(within(rows[i]!).getByRole('rowheader')).toHaveTextContent(unit);
      expect(within(rows[i]!).getAllByRole('cell').map((c) => num(c.textContent))).toEqual(analysis.dueByUnitMonth[unit]);
    });
    const totals = analysis.months.map((_, c) => analysis.units.reduce((s, u) => s + analysis.dueByUnitMonth[u]![c]!, 0));
    expect(within(rows.at(-1)!).getAllByRole('cell').map((c) => num(c.textContent))).toEqual(totals);
    // The status split adds up to the same totals.
    const split = within(monthCard()).getByRole('table', { name: /by status/ });
    const splitTotal = within(split).getAllByRole('row').slice(1).reduce((s, r) => s + num(within(r).getAllByRole('cell')[0]!.textContent), 0);
    expect(splitTotal).toBe(totals.reduce((a, b) => a + b, 0));
  });

  it('names each cell with its unit, month and count, and hatches the months after the as-of month', () => {
    // The chart's frame is as wide as its container, which jsdom does not lay out: the cells need their places.
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    onTestFinished(() => width.mockRestore());
    open();
    const unit = analysis.units[0]!;
    const cells = within(monthCard()).getAllByRole('button', { name: new RegExp(`^${unit}, `) });
    expect(cells).toHaveLength(analysis.months.length);
    const now = analysis.months.indexOf(analysis.asOf.slice(0, 7));
    cells.forEach((cell, c) => {
      const n = analysis.dueByUnitMonth[unit]![c]!;
      const forecast = c > now;
      expect(cell.getAttribute('aria-label')).toMatch(new RegExp(`: ${n} follow-ups? due${forecast ? ', forecast' : ''}$`));
    });
    // The hatch is a layer over the cells: a square on each forecast cell of every row, and on no other.
    const place = (el: Element) => `${el.getAttribute('x')} ${el.getAttribute('y')}`;
    const hatched = new Set([...monthCard().querySelectorAll('svg.chart .hatches rect[fill^="url(#"]')].map(place));
    expect(cells.map((cell) => hatched.has(place(cell)))).toEqual(cells.map((_, c) => c > now));
    const rows = monthCard().querySelectorAll('svg.chart .cell').length / analysis.months.length;
    expect(hatched.size).toBe(rows * (analysis.months.length - now - 1));
  });

  it('lists the follow-ups of a clicked cell and puts the cell in the address', async () => {
    const url = open();
    const unit = analysis.units[0]!;
    const counts = analysis.dueByUnitMonth[unit]!;
    const c = counts.indexOf(Math.max(...counts));
    const cells = within(monthCard()).getAllByRole('button', { name: new RegExp(`^${unit}, `) });
    await fireEvent.click(cells[c]!);
    expect(await inLink('monthcell')).toBe(`${unit}:${analysis.months[c]}`);
    const list = within(monthCard()).getByRole('table', { name: new RegExp(`^Follow-ups due in ${unit}, .*: ${counts[c]}$`) });
    const listed = within(list).getAllByRole('row').slice(1);
    expect(listed).toHaveLength(Math.min(200, counts[c]!));
    const first = obligations.filter((o) => o.unit === unit && o.due.startsWith(analysis.months[c]!)).sort((a, b) => a.due.localeCompare(b.due))[0]!;
    expect(within(listed[0]!).getByRole('rowheader')).toHaveTextContent(first.caseId);
    expect(cells[c]).toHaveAttribute('aria-pressed', 'true');
  });

  it('closes a cell’s list with Escape, on the cell or inside the list, and keeps the focus on the cell', async () => {
    open();
    const unit = analysis.units[0]!;
    const counts = analysis.dueByUnitMonth[unit]!;
    const c = counts.indexOf(Math.max(...counts));
    const cell = within(monthCard()).getAllByRole('button', { name: new RegExp(`^${unit}, `) })[c]!;
    const list = () => within(monthCard()).queryByRole('table', { name: /^Follow-ups due in / });
    await fireEvent.click(cell);
    expect(list()).toBeInTheDocument();
    await fireEvent.keyDown(cell, { key: 'Escape' });
    expect(list()).toBeNull();
    expect(await inLink('monthcell')).toBeNull();

    await fireEvent.click(cell);
    const download = within(monthCard()).getByRole('button', { name: 'Download the list (CSV)' });
    download.focus();
    await fireEvent.keyDown(download, { key: 'Escape' });
    expect(list()).toBeNull();
    expect(document.activeElement).toBe(cell);
  });

  it('counts only the measure types ticked, and keeps the choice in the address', async () => {
    const url = open();
    const type = [...new Set(obligations.map((o) => o.measureType))].sort((a, b) => a.localeCompare(b, 'da'))[0]!;
    await fireEvent.click(screen.getByRole('checkbox', { name: type }));
    expect(await inLink('types')).toBe(type);
    const table = await monthTable();
    const unit = analysis.units[0]!;
    const row = within(table).getByRole('row', { name: new RegExp(`^${unit}`) });
    const expected = analysis.months.map((month) => obligations.filter((o) => o.unit === unit && o.measureType === type && o.due.startsWith(month)).length);
    expect(within(row).getAllByRole('cell').map((c) => num(c.textContent))).toEqual(expected);
  });

  it('draws the caseworker heatmap of the types ticked a moment after the first, saying it is busy meanwhile', async () => {
    open();
    const type = [...new Set(obligations.map((o) => o.measureType))].sort((a, b) => a.localeCompare(b, 'da'))[0]!;
    const below = () => weekCard().closest('[aria-busy]')!;
    expect(below()).toHaveAttribute('aria-busy', 'false');
    await fireEvent.click(screen.getByRole('checkbox', { name: type }));
    expect(below()).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(below()).toHaveAttribute('aria-busy', 'false'));
    await fireEvent.click(within(weekCard()).getByRole('button', { name: 'View as table' }));
    const unit = analysis.units[0]!;
    const table = within(weekCard()).getByRole('table', { name: `Follow-ups due per caseworker and ISO week in ${unit}` });
    const tab = caseworkerWeekTab(obligations.filter((o) => o.measureType === type), unit, analysis.asOf);
    const rows = within(table).getAllByRole('row').slice(1, -1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(tab.rows.map((r) => r || '(none)'));
    rows.forEach((row, i) => {
      expect(within(row).getAllByRole('cell').map((c) => num(c.textContent))).toEqual(tab.cells[i]!.map((c) => c.total));
    });
  });

  it('shows load per full-time caseworker once every unit has an FTE, to one decimal', async () => {
    const fte = analysis.units.map((u) => `${u}:2`).join(',');
    open(`&fte=${encodeURIComponent(fte)}`);
    expect(screen.getByText('The colour and the numbers show follow-ups due per full-time caseworker.')).toBeInTheDocument();
    const table = await monthTable();
    const unit = analysis.units[0]!;
    const row = within(table).getByRole('row', { name: new RegExp(`^${unit}`) });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(analysis.dueByUnitMonth[unit]!.map((n) => (n / 2).toFixed(1)));
  });

  it('reads an FTE typed with a Danish decimal comma as the number it is, not ten times it', async () => {
    locale.lang = 'da';
    open();
    const card = screen.getByRole('region', { name: 'Opfølgninger med frist pr. enhed og måned' });
    const unit = analysis.units[0]!;
    const field = within(card).getByRole('textbox', { name: unit });
    await fireEvent.input(field, { target: { value: '6,5' } });
    await fireEvent.change(field, { target: { value: '6,5' } });
    expect(await inLink('fte')).toBe(`${unit}:6.5`);
    expect(field).toHaveValue('6,5');
    const cap = within(card).getByRole('textbox', { name: 'Kapacitet pr. enhed og måned' });
    await fireEvent.change(cap, { target: { value: '7,5' } });
    expect(await inLink('monthcap')).toBe('7.5');
    expect(within(card).getByText('Over kapaciteten (7,5)')).toBeInTheDocument();
    await fireEvent.change(cap, { target: { value: 'abc' } });
    expect(await inLink('monthcap')).toBe('7.5');
    expect(cap).toHaveAccessibleDescription('“abc” er ikke et tal. Skriv det som 6,5. Der regnes stadig med 7,5.');
  });

  it('names the units that still lack an FTE', () => {
    const [first, ...rest] = analysis.units;
    open(`&fte=${first}:3`);
    expect(screen.getByText(new RegExp(`Missing: ${rest.join(', ')}\\.`))).toBeInTheDocument();
  });

  it('outlines the cells above the capacity and says so in their names', () => {
    const max = Math.max(...analysis.units.flatMap((u) => analysis.dueByUnitMonth[u]!));
    open(`&monthcap=${max - 1}`);
    const over = within(monthCard()).getAllByRole('button', { name: /above capacity$/ });
    const expected = analysis.units.flatMap((u) => analysis.dueByUnitMonth[u]!).filter((n) => n > max - 1).length;
    expect(over).toHaveLength(expected);
  });

  it('shows a chosen unit’s caseworkers over 52 ISO weeks and follows the unit select', async () => {
    const url = open();
    const unit = analysis.units[1]!;
    await fireEvent.change(within(weekCard()).getByRole('combobox', { name: 'Unit' }), { target: { value: unit } });
    expect(await inLink('weekunit')).toBe(unit);
    expect(weekCard()).toHaveAccessibleName(`Follow-ups due per caseworker and week in ${unit}`);
    const workers = new Set(obligations.filter((o) => o.unit === unit).map((o) => o.caseworker));
    const rowsShown = new Set(within(weekCard()).getAllByRole('button', { name: /, week \d+, \d{4}:/ }).map((b) => b.getAttribute('aria-label')!.split(', week')[0]));
    for (const w of rowsShown) expect(workers.has(w!)).toBe(true);
    const cellsPerRow = within(weekCard()).getAllByRole('button', { name: /, week \d+, \d{4}:/ }).length / rowsShown.size;
    expect(cellsPerRow).toBe(52);
  });

  it('shows in the caseworker table the domain’s caseworker × week counts for the chosen unit', async () => {
    const unit = analysis.units[0]!;
    open();
    await fireEvent.click(within(weekCard()).getByRole('button', { name: 'View as table' }));
    const table = within(weekCard()).getByRole('table', { name: `Follow-ups due per caseworker and ISO week in ${unit}` });
    const tab = caseworkerWeekTab(obligations, unit, analysis.asOf);
    const rows = within(table).getAllByRole('row').slice(1, -1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(tab.rows.map((r) => r || '(none)'));
    rows.forEach((row, i) => {
      expect(within(row).getAllByRole('cell').map((c) => num(c.textContent))).toEqual(tab.cells[i]!.map((c) => c.total));
    });
  });

  it('names weeks in Danish: "uge 45" with its Monday over the table’s columns and on the axis, each cell with the year', async () => {
    locale.lang = 'da';
    open();
    const card = screen.getByRole('region', { name: /^Opfølgninger med frist pr\. sagsbehandler og uge i/ });
    const cells = within(card).getAllByRole('button', { name: /, uge \d+ \d{4}: / });
    expect(cells.length).toBeGreaterThan(0);
    const axis = [...card.querySelectorAll('svg.chart text')].map((t) => t.textContent ?? '');
    expect(axis.some((t) => /^uge \d+$/.test(t))).toBe(true);
    expect(axis.some((t) => /^\d+\. [a-zæøå]+\.?$/.test(t))).toBe(true);
    expect(card.textContent).not.toMatch(/\bweek\b|\d{4}-W\d/);

    await fireEvent.click(within(card).getByRole('button', { name: 'Vis som tabel' }));
    const table = within(card).getByRole('table', { name: /^Opfølgninger med frist pr\. sagsbehandler og ISO-uge/ });
    const headers = within(table).getAllByRole('columnheader').slice(1).map((h) => h.textContent);
    expect(headers).toHaveLength(52);
    const week = isoWeekOf(analysis.asOf);
    const monday = mondayOfIsoWeek(week);
    const [, mm, dd] = monday.split('-').map(Number);
    const months = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
    // The 52 weeks run into the next year, so each column carries its year.
    expect(new Set(headers.map((h) => /^uge \d+ (\d{4}) · /.exec(h ?? '')?.[1])).size).toBe(2);
    expect(headers).toContain(`uge ${Number(week.slice(6))} ${week.slice(0, 4)} · ${dd}. ${months[mm! - 1]}`);
  });

  it('speaks Danish', () => {
    locale.lang = 'da';
    open();
    expect(screen.getByRole('region', { name: 'Opfølgninger med frist pr. enhed og måned' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Vis som tabel' })).toHaveLength(2);
    expect(screen.getAllByText(/^Vælg en celle \(klik/)).toHaveLength(2);
  });
});
