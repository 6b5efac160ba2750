import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The flow view of the demo export, once its analysis is done. */
async function openFlow(page: Page, search = '') {
  await page.goto(`/?view=flow${search}`);
  const card = page.getByRole('region', { name: 'Cumulative flow, all units' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  return card;
}

/** Drags across the chart of all units from one share of its width to another. */
async function brush(page: Page, card: Locator, from: number, to: number) {
  await card.getByTestId('brush').scrollIntoViewIfNeeded();
  const box = (await card.getByTestId('brush').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * to, y, { steps: 4 });
  await page.mouse.up();
}

const statistics = async (card: Locator) =>
  Promise.all(['stat-wip', 'stat-throughput', 'stat-time', 'stat-ontime'].map((id) => card.getByTestId(id).textContent()));

test('brushing a range on the chart of all units sets the range and its flow statistics', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  const card = await openFlow(page);
  const whole = await statistics(card);

  await brush(page, card, 0.05, 0.5);
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
  await expect(page).toHaveURL(/to=\d{4}-\d{2}-\d{2}/);
  const first = await statistics(card);
  expect(first).not.toEqual(whole);
  const from = new URL(page.url()).searchParams.get('from');
  const to = new URL(page.url()).searchParams.get('to');
  await expect(card.getByRole('combobox', { name: 'From' })).toHaveValue(from!);
  await expect(card.getByRole('combobox', { name: 'To' })).toHaveValue(to!);
  await expect(card.getByRole('heading', { level: 3, name: /^Flow from/ })).toBeVisible();
  for (const text of first) expect(text).toMatch(/\d/);

  await brush(page, card, 0.55, 0.98);
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBe(from);
  const second = await statistics(card);
  expect(second).not.toEqual(first);

  // The keyboard's way: the same range from the selects.
  await card.getByRole('button', { name: 'Whole period' }).click();
  await expect.poll(() => statistics(card)).toEqual(whole);

  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('hovering or focusing a date shows every band’s value on it', async ({ page }) => {
  const card = await openFlow(page);
  await card.getByTestId('brush').scrollIntoViewIfNeeded();
  const box = (await card.getByTestId('brush').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  const tip = card.locator('g.tip');
  await expect(tip).toBeVisible();
  for (const name of ['Created (arrivals)', 'Upcoming', 'Overdue', 'Missed', 'Done', 'Due so far']) await expect(tip).toContainText(`${name}:`);

  await page.mouse.move(0, 0);
  await card.getByRole('slider').focus();
  await page.keyboard.press('Home');
  await expect(card.getByRole('slider')).toHaveAttribute('aria-valuenow', '0');
  await expect(tip).toBeVisible();
});

test('the flow view, with every option in its address, has no detectable accessibility violations', async ({ page }) => {
  await openFlow(page, '&grain=week&y=independent&hide=done');
  await expect(page.getByRole('checkbox', { name: 'Done' })).not.toBeChecked();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);

  await page.getByRole('button', { name: 'View as table' }).first().click();
  const tables = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(tables.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a card shown as a table stays a table in a shared link and after a reload', async ({ page }) => {
  const card = await openFlow(page);
  await card.getByRole('button', { name: 'View as table' }).click();
  await expect(card.getByRole('table')).toBeVisible();
  await expect(page).toHaveURL(/[?&]tables=flow-all(&|$)/);

  await page.reload();
  const again = page.getByRole('region', { name: 'Cumulative flow, all units' });
  await expect(again.getByRole('button', { name: 'View as chart' })).toBeVisible({ timeout: 30_000 });
  await expect(again.getByRole('table')).toBeVisible();
  // The other cards keep their charts.
  await expect(page.getByRole('region', { name: 'Cumulative flow per unit' }).getByRole('button', { name: 'View as table' })).toBeVisible();

  await again.getByRole('button', { name: 'View as chart' }).click();
  await expect(page).not.toHaveURL(/tables=/);
});
