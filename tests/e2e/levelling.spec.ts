import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** "1.234" (Danish) or "1,234" (English) as a number; the peak has no decimals. */
const count = (text: string | null) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

async function openLevelling(page: Page, search = '') {
  await page.goto(`/?view=levelling${search}`);
  const figures = page.getByRole('table', { name: /^Figures:/ });
  await expect(figures).toBeVisible({ timeout: 30_000 });
  return figures;
}

const peakShown = (page: Page) => page.locator('tr[data-figure="peak"] td.value');

test('moving the lead from 0 to 8 lowers the levelled peak on the demo data', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await openLevelling(page, '&policy=level&lead=0');
  await expect(page.getByRole('radio', { name: /^Levelled/ })).toBeChecked();
  const before = count(await peakShown(page).textContent());
  expect(before).toBeGreaterThan(0);

  await page.getByRole('slider', { name: /Lead/ }).fill('8');
  await expect(page).toHaveURL(/lead=8/);
  await expect.poll(async () => count(await peakShown(page).textContent())).toBeLessThan(before);
  // The levelled peak of one unit is its lower bound.
  await page.getByRole('combobox', { name: 'Unit' }).selectOption({ index: 1 });
  await expect(page.locator('tr[data-figure="peak"] td.value')).toHaveText(
    (await page.locator('tr[data-figure="lowerBound"] td.value').textContent()) ?? '',
  );

  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('on a laptop the controls stay beside the charts as the page scrolls; on a narrow window they come first', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLevelling(page);
  const lead = page.getByRole('slider', { name: /Lead/ });
  const heatmap = page.getByRole('region', { name: /^The plan by/ });
  await heatmap.scrollIntoViewIfNeeded();
  const inView = async (box: { y: number; height: number } | null) => box !== null && box.y >= 0 && box.y + box.height <= 800;
  await expect.poll(async () => inView(await lead.boundingBox())).toBe(true);
  const [slider, chart] = [(await lead.boundingBox())!, (await heatmap.boundingBox())!];
  expect(slider.x + slider.width).toBeLessThan(chart.x);
  // Moved from the keyboard there, the slider stays where it is, beside the heatmap.
  await lead.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/lead=5/);
  expect(await inView(await lead.boundingBox())).toBe(true);
  expect(await inView(await heatmap.boundingBox())).toBe(true);
  // The column scrolls on its own, so it cuts what stands out of it: the focus ring (3 px, 2 px off the slider) fits inside.
  const column = await lead.evaluate((el) => el.closest('.side')!.getBoundingClientRect().left);
  expect((await lead.boundingBox())!.x - 5).toBeGreaterThanOrEqual(column);

  await page.setViewportSize({ width: 800, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const [above, below] = [(await lead.boundingBox())!, (await heatmap.boundingBox())!];
  expect(above.y + above.height).toBeLessThan(below.y);
});

test('the plan prints without the controls', async ({ page }) => {
  await openLevelling(page, '&lead=6');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('slider', { name: /Lead/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('table', { name: /follow-ups to start$/ }).first()).toBeVisible();
  await expect(page.getByText(/^Levelled, lead 6 weeks, backlog caught up over 4 weeks, all units, as of /)).toBeVisible();
  // The page around the plan stays off the paper: file controls, the drop zone, the export endpoint.
  await expect(page.getByRole('button', { name: 'Open file' })).toBeHidden();
  await expect(page.getByText(/^Drop an export file here/)).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Export endpoint' })).toBeHidden();
});

test('the levelling view has no detectable accessibility violations', async ({ page }) => {
  await openLevelling(page, '&levelcap=20');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('the backlog is its own band, caught up over the weeks chosen, in Danish as in English', async ({ page }) => {
  await page.goto('/?view=levelling&lang=da');
  const card = page.locator('section.card').filter({ has: page.getByRole('heading', { name: /^Ugebelastning/ }) });
  await expect(card.getByText('Overskredet, indhentes')).toBeVisible({ timeout: 30_000 });
  await card.getByRole('button', { name: 'Vis som tabel' }).click();
  const table = page.getByRole('table', { name: 'Opfølgninger pr. ISO-uge' });
  await expect(table).toBeVisible();
  const overdueColumn = async () => (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]!.textContent))).map(count);
  const spread = await overdueColumn();
  const backlog = spread.reduce((a, b) => a + b, 0);
  expect(backlog).toBeGreaterThan(0);
  expect(spread.slice(4).every((n) => n === 0)).toBe(true);
  await expect(page.getByRole('status')).toContainText(`Alle planer bærer de ${backlog} overskredne opfølgninger, der indhentes over 4 uger.`);

  await page.getByRole('slider', { name: /^Indhentning/ }).fill('1');
  await expect(page).toHaveURL(/catchup=1/);
  await expect.poll(async () => (await overdueColumn())[0]).toBe(backlog);
  // The plan lists the overdue follow-ups first, with how long they are overdue.
  await expect(page.getByText(/^Overskredet \d+ dage?$/).first()).toBeVisible();
});

test('the overview says what the old BUS statistic shows against what is overdue now', async ({ page }) => {
  await page.goto('/?lang=da');
  const list = page.getByRole('heading', { name: 'Registreret over for virkelighed' }).locator('..');
  await expect(list.getByRole('listitem').first()).toHaveText(/^.+: BUS-reglen viser [\d.]+ foranstaltninger? som for sent; [\d.]+ har en overskredet opfølgning nu\./, { timeout: 30_000 });
  await page.goto('/?lang=en');
  await expect(page.getByRole('listitem').filter({ hasText: 'the BUS rule shows' }).first()).toBeVisible({ timeout: 30_000 });
});

test('on the Danish page the weeks read "uge 27" with their Monday, and the downloads have Danish names', async ({ page }) => {
  await page.goto('/?view=levelling&lang=da');
  const card = page.getByRole('region', { name: /^Ugebelastning de næste 26 uger/ });
  await expect(card.locator('svg.chart')).toBeVisible({ timeout: 30_000 });
  const axis = await card.locator('svg.chart text').allTextContents();
  expect(axis.some((t) => /^uge \d+$/.test(t))).toBe(true);
  expect(axis.some((t) => /^\d+\. [a-zæøå]+\.?$/.test(t))).toBe(true);
  expect(axis.join(' ')).not.toMatch(/\bW\d+\b/);
  await expect(page.getByRole('region', { name: /^Planen:/ }).locator('td').first()).toHaveText(/^uge \d+( \d{4})? · \d+\. [a-zæøå]+\.?$/);

  for (const [button, name] of [['Hent PNG', 'udjaevning-ugebelastning.png'], ['Hent CSV', 'udjaevning-ugebelastning.csv']] as const) {
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: button }).click();
    expect((await download).suggestedFilename()).toBe(name);
  }
  const plan = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent planen (CSV)' }).click();
  expect((await plan).suggestedFilename()).toMatch(/^udjaevningsplan-alle-enheder-uge-\d+-\d{4}\.csv$/);
});
