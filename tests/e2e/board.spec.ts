import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeText } from '../../src/cli/encode.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { figuresOf } from '../../src/domain/analyze.ts';
import { generateRows, exportText, type UnitProfile } from '../../src/domain/generate/index.ts';
import { planningRange } from '../../src/domain/range.ts';

/*
 * The board as a team leader uses it: a Danish Excel export opened from
 * the file chooser, the board of one unit, and its print-out read back
 * from the PDF with poppler's pdfinfo and pdftotext.
 */

const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };

/** A Danish Excel export (`;`, Danish headers and dates, Windows-1252) of generated rows. */
function danishExcel(measures: number, seed: number, units?: UnitProfile[]): Buffer {
  return Buffer.from(encodeText(exportText(generateRows({ seed, measures, ...(units && { units }) }), 'danish-excel'), 'windows-1252'));
}

/**
 * The cases a unit's board must name, read from the follow-ups and not
 * from the board: its overdue ones, and those upcoming or projected that
 * fall due in the first 8 weeks from w0.
 */
function casesDue(bytes: Buffer, unit: string): Set<string> {
  const { analysis, obligations } = figuresOf(bytes);
  const last = addDays(planningRange(analysis.asOf).first, 8 * 7 - 1);
  return new Set(
    obligations
      .filter((o) => o.unit === unit && (o.status === 'overdue' || ((o.status === 'upcoming' || o.status === 'projected') && o.due <= last)))
      .map((o) => o.caseId),
  );
}

async function openFile(page: Page, name: string, buffer: Buffer) {
  await page.goto('/?lang=da');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Åbn fil' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('local-file')).toHaveText(`Lokal fil: ${name}`);
  await expect(page.getByRole('table').first()).toBeVisible({ timeout: 30_000 });
}

async function openBoard(page: Page, unit: string) {
  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Tavle' }).click();
  await page.getByRole('combobox', { name: 'Enhed' }).selectOption(unit);
  await expect(page.getByRole('grid', { name: `Opfølgninger pr. sagsbehandler og uge, ${unit}` })).toBeVisible();
}

/** The page as printed: its pages' sizes in points and each page's text. */
async function printed(page: Page): Promise<{ sizes: { width: number; height: number }[]; pages: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'sagsflow-board-')), 'board.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((s) => ({ width: Number(s[1]), height: Number(s[2]) }));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
  return { sizes, pages };
}

const isA3Landscape = ({ width, height }: { width: number; height: number }) =>
  Math.abs(width - A3_LANDSCAPE.width) < 1.5 && Math.abs(height - A3_LANDSCAPE.height) < 1.5;

test('a unit’s board prints on one A3 landscape page that names every case overdue or due in the first 8 weeks', async ({ page }) => {
  const bytes = danishExcel(2000, 2027);
  const unit = 'Brønshøj-Husum';
  const expected = casesDue(bytes, unit);
  expect(expected.size).toBeGreaterThan(20);

  await openFile(page, 'udtraek-excel.csv', bytes);
  await openBoard(page, unit);
  const { sizes, pages } = await printed(page);

  expect(sizes).toHaveLength(1);
  expect(isA3Landscape(sizes[0]!)).toBe(true);
  const text = pages[0]!;
  expect(text).toContain(`Tavle · ${unit}`);
  expect(text).toMatch(/Opgjort \d+\. \w+ \d{4}/);
  expect(text).toContain('Udjævnet, forspring 4 uger, overskredne indhentes over 4 uger');
  expect(text).toContain('Overskredet');
  expect(text).toMatch(/uge \d+ · \d+\. \w+\./);
  expect(text).toContain('Noter');
  const missing = [...expected].filter((c) => !text.includes(c));
  expect(missing).toEqual([]);
  // Nothing of the app around the board is on the paper.
  expect(text).not.toContain('Åbn fil');
  expect(text).not.toContain('Sidste uge mod planen');
});

test('a unit of about 300 follow-ups fits one page; twice as many spill over pages that repeat the head', async ({ page }) => {
  const profile = (caseworkers: number): UnitProfile[] => [{ name: 'Amager', weight: 1, caseworkers, onTime: 0.8, late: 0.15, technical: 0, nextDue: 0.3 }];
  const big = danishExcel(1640, 41, profile(15));
  const cards = casesDue(big, 'Amager');
  expect(cards.size).toBeGreaterThan(200);
  await openFile(page, 'stor-enhed.csv', big);
  await openBoard(page, 'Amager');
  const total = Number((await page.locator('tr.totals td').last().textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(270);
  expect(total).toBeLessThanOrEqual(300);
  const one = await printed(page);
  expect(one.sizes).toHaveLength(1);

  const bigger = danishExcel(3400, 41, profile(18));
  await openFile(page, 'meget-stor-enhed.csv', bigger);
  await openBoard(page, 'Amager');
  const more = await printed(page);
  expect(more.sizes.length).toBeGreaterThan(1);
  expect(more.sizes.every(isA3Landscape)).toBe(true);
  for (const text of more.pages) {
    expect(text).toContain('Tavle · Amager');
    expect(text).toContain('Overskredet');
  }
  const missing = [...casesDue(bigger, 'Amager')].filter((c) => !more.pages.some((p) => p.includes(c)));
  expect(missing).toEqual([]);
});

test('all units print one page each, and the levelling plan still prints on the default page', async ({ page }) => {
  await page.goto('/?view=board&lang=da');
  await expect(page.getByRole('table', { name: 'Opfølgninger pr. enhed og uge' })).toBeVisible({ timeout: 30_000 });
  const units = await page.getByRole('table', { name: 'Opfølgninger pr. enhed og uge' }).locator('tbody th').allTextContents();
  expect(units).toHaveLength(8);
  const { sizes, pages } = await printed(page);
  expect(sizes).toHaveLength(8);
  expect(sizes.every(isA3Landscape)).toBe(true);
  units.forEach((unit, i) => expect(pages[i]).toContain(`Tavle · ${unit}`));

  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Udjævning' }).click();
  await expect(page.getByRole('table', { name: /^Nøgletal:/ })).toBeVisible();
  const file = join(mkdtempSync(join(tmpdir(), 'sagsflow-plan-')), 'plan.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, format: 'A4' }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Planen: hvilke opfølgninger der skal startes');
  expect(text).not.toContain('Tavle ·');
});

test('the board moves by arrow keys, opens a case with Enter and comes back to the card on Esc', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/?view=board&levelunit=Amager');
  const grid = page.getByRole('grid', { name: 'Follow-ups per caseworker and week, Amager' });
  await expect(grid).toBeVisible({ timeout: 30_000 });

  // One item is reached by Tab: the first of the first cell.
  const first = grid.locator('[data-pos="0-0-0"]');
  await first.focus();
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('[data-pos="0-1-0"]')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  const below = page.locator(':focus');
  expect(await below.getAttribute('data-pos')).toMatch(/^(0-0-1|1-0-0)$/);
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

  // Down to the last swimlane, far below the screen, where cards are drawn only once they are near.
  const lanes = await grid.locator('tbody tr').count() - 1;
  for (let i = 0; i < 200 && !((await page.locator(':focus').getAttribute('data-pos')) ?? '').startsWith(`${lanes - 1}-`); i++) await page.keyboard.press('ArrowDown');
  expect(await page.locator(':focus').getAttribute('data-pos')).toMatch(new RegExp(`^${lanes - 1}-0-\\d+$`));
  await expect(page.locator(':focus')).toBeInViewport();

  // The card at the focus: named by its place, as which cards are drawn changes with the scrolling.
  const card = grid.locator(`[data-pos="${await grid.locator('button.card').last().getAttribute('data-pos')}"]`);
  const caseId = (await card.locator('strong').textContent())!;
  await card.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Case ${caseId}: its follow-ups` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('table', { name: `Every follow-up of case ${caseId}` }).locator('tbody tr').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(card).toBeFocused();
  expect(problems).toEqual([]);
});

test('the board follows the lead, writes its settings to the address and speaks Danish', async ({ page }) => {
  await page.goto('/?view=board&levelunit=Amager&lang=da&lead=0');
  const grid = page.getByRole('grid', { name: 'Opfølgninger pr. sagsbehandler og uge, Amager' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  // With no lead nothing starts early.
  await expect(grid.getByText(/uger? før$/)).toHaveCount(0);
  await page.getByRole('slider', { name: /^Forspring/ }).fill('6');
  await expect(page).toHaveURL(/lead=6/);
  await expect(grid.getByText(/uger? før$/).first()).toBeVisible();

  await page.getByRole('combobox', { name: 'Uger på tavlen' }).selectOption('12');
  await expect(page).toHaveURL(/boardweeks=12/);
  await expect(grid.locator('thead th')).toHaveCount(12 + 3);
  await page.getByRole('textbox', { name: /^Kapacitet pr\. sagsbehandler/ }).fill('2,5');
  await page.getByRole('textbox', { name: /^Kapacitet pr\. sagsbehandler/ }).press('Enter');
  await expect(page).toHaveURL(/boardcap=2\.5/);
  await expect(grid.getByText('kapacitet 2,5').first()).toBeVisible();
  await expect(grid.locator('td.over').first()).toBeVisible();
  await expect(page.getByRole('table', { name: /^Frist, udført og stadig åbne pr\. sagsbehandler og uge, Amager$/ })).toBeVisible();
});

test('the board has no detectable accessibility violations', async ({ page }) => {
  await page.goto('/?view=board&levelunit=Amager&boardcap=3');
  await expect(page.getByRole('grid')).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
