import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** "1,234" as 1234. */
const count = (text: string | null) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

/** The workload view of the demo export, as a person opens it from a shared link. */
async function openHeatmaps(page: Page) {
  await page.goto('/?view=heatmaps');
  const card = page.getByRole('region', { name: 'Follow-ups due per unit and month' });
  await expect(card.getByRole('button', { name: /follow-ups? due/ }).first()).toBeVisible({ timeout: 30_000 });
  return card;
}

test('the busiest unit-month can be found in the table, opened in the chart, and its cases read', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const card = await openHeatmaps(page);

  // Read the table behind the chart and find the largest count.
  await card.getByRole('button', { name: 'View as table' }).click();
  const table = card.getByRole('table', { name: /^Follow-ups due per unit and month/ });
  const months = (await table.locator('thead th').allTextContents()).slice(1);
  let busiest = { unit: '', month: '', n: -1 };
  for (const row of await table.locator('tbody tr').all()) {
    const unit = (await row.getByRole('rowheader').textContent())!.trim();
    if (unit === 'Total') continue;
    const counts = (await row.getByRole('cell').allTextContents()).map(count);
    counts.forEach((n, i) => {
      if (n > busiest.n) busiest = { unit, month: months[i]!, n };
    });
  }
  expect(busiest.n).toBeGreaterThan(0);

  // The chart's cells say the same; open the busiest one.
  await card.getByRole('button', { name: 'View as chart' }).click();
  const cell = card.getByRole('button', { name: new RegExp(`^${busiest.unit}, ${busiest.month}: ${busiest.n} follow-ups? due`) });
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]monthcell=/);

  const list = card.getByRole('table', { name: `Follow-ups due in ${busiest.unit}, ${busiest.month}: ${busiest.n}` });
  await expect(list).toBeVisible();
  const rows = list.locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(200, busiest.n));
  // Pseudonymous case ids, a due date inside the month, a status.
  await expect(rows.first().getByRole('rowheader')).not.toBeEmpty();
  await expect(rows.first().getByRole('cell').nth(3)).toContainText(busiest.month.split(' ')[0]!);

  // The shared link opens the same list.
  await page.reload();
  await expect(page.getByRole('table', { name: `Follow-ups due in ${busiest.unit}, ${busiest.month}: ${busiest.n}` })).toBeVisible({ timeout: 30_000 });
  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('the cells can be walked with the keyboard, the focused one ringed, and opened with Enter', async ({ page }) => {
  const card = await openHeatmaps(page);
  const cells = card.getByRole('button', { name: /follow-ups? due/ });
  const firstUnit = (await cells.first().getAttribute('aria-label'))!.split(',')[0]!;
  const perRow = await card.getByRole('button', { name: new RegExp(`^${firstUnit}, `) }).count();
  await cells.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  // One row down and one month on: the second unit's second month.
  await expect(cells.nth(perRow + 1)).toBeFocused();
  const focused = cells.nth(perRow + 1);
  await expect(focused).toHaveAttribute('tabindex', '0');
  // The ring is drawn once, over the focused cell: blue inside white, 1.5 px inside the cell's square.
  const cell = await focused.evaluate((el) => [Number(el.getAttribute('x')), Number(el.getAttribute('y'))]);
  const rings = await card.locator('svg.chart rect.ring').evaluateAll((els) => els.map((el) => ({ stroke: getComputedStyle(el).stroke, x: Number(el.getAttribute('x')), y: Number(el.getAttribute('y')) })));
  expect(rings.map((r) => r.stroke)).toEqual(['rgb(255, 255, 255)', 'rgb(11, 92, 173)']);
  for (const r of rings) expect([r.x, r.y]).toEqual([cell[0]! + 1.5, cell[1]! + 1.5]);
  await page.keyboard.press('Enter');
  await expect(card.getByRole('table', { name: /^Follow-ups due in / })).toBeVisible();
});

test('the caseworker heatmap follows the chosen unit and keeps it in the address', async ({ page }) => {
  await openHeatmaps(page);
  const select = page.getByRole('region', { name: /^Follow-ups due per caseworker and week in/ }).getByRole('combobox', { name: 'Unit' });
  const units = await select.locator('option').allTextContents();
  await select.selectOption(units[1]!);
  await expect.poll(() => new URL(page.url()).searchParams.get('weekunit')).toBe(units[1]);
  const card = page.getByRole('region', { name: `Follow-ups due per caseworker and week in ${units[1]}` });
  await expect(card.getByRole('button', { name: /, week \d+, \d{4}:/ }).first()).toBeVisible();
});

test('the workload page has no detectable accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  const card = await openHeatmaps(page);
  await card.getByRole('button', { name: /follow-ups? due/ }).first().click();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  await card.getByRole('button', { name: 'View as table' }).click();
  // The tables behind the unit × month chart (the caseworker chart's hundreds of cells were checked above).
  const tables = await new AxeBuilder({ page }).include('section.card:first-of-type').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(tables.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('a cell’s tooltip at the right edge holds its title and stays inside the chart', async ({ page }) => {
  const card = await openHeatmaps(page);
  const cells = card.getByRole('button', { name: /follow-ups? due/ });
  const firstUnit = (await cells.first().getAttribute('aria-label'))!.split(',')[0]!;
  const row = card.getByRole('button', { name: new RegExp(`^${firstUnit}, `) });
  await row.last().hover();
  const tip = card.locator('svg.chart rect[rx="4"]').locator('..');
  await expect(tip).toBeVisible();
  const svg = (await card.locator('svg.chart').first().boundingBox())!;
  const box = (await tip.locator('rect').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(svg.x);
  expect(box.x + box.width).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
  for (const text of await tip.locator('text').all()) {
    const t = (await text.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(box.x);
    expect(t.x + t.width).toBeLessThanOrEqual(box.x + box.width);
  }
});

test('the workload prints its figures without the measure-type checkboxes, the controls or the hint to choose a cell', async ({ page }) => {
  const card = await openHeatmaps(page);
  const type = page.getByRole('group', { name: 'Measure types' }).getByRole('checkbox').first();
  const name = (await type.locator('..').textContent())!.trim();
  await type.check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('group', { name: 'Measure types' })).toBeHidden();
  await expect(page.getByText(/^Choose a cell/).first()).toBeHidden();
  await expect(card.getByRole('textbox').first()).toBeHidden();
  await expect(card.getByRole('button', { name: /follow-ups? due/ }).first()).toBeVisible();
  // The paper still says which types it counts.
  await expect(page.getByText(`Measure types counted: ${name}.`)).toBeVisible();
});
