import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const STATUS_COLUMNS = 6;

/** "1.234" (Danish) or "1,234" (English) as a number; counts have no decimals. */
const count = (text: string | null) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

async function rowCounts(row: Locator): Promise<number[]> {
  return (await row.getByRole('cell').allTextContents()).map(count);
}

/** The status per unit (the overview's first table; the registration statistic has one too). */
const statusTable = (page: Page) => page.getByRole('table', { name: /^(Follow-ups by status|Opfølgninger efter status)/ });

/** The app as a person opens it: no parameters, the first export chosen for them. */
async function openDemo(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Export' })).toHaveValue('demo');
  const table = statusTable(page);
  await expect(table).toBeVisible({ timeout: 30_000 });
  return table;
}

test('the demo export loads and its status table adds up', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  const table = await openDemo(page);

  const asOf = await page.getByTestId('as-of').getAttribute('datetime');
  expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(table).toHaveAccessibleName(/as of/);

  const units = table.locator('tbody tr');
  await expect(units).toHaveCount(8);

  const total = new Array<number>(STATUS_COLUMNS).fill(0);
  for (const row of await units.all()) {
    const counts = await rowCounts(row);
    expect(counts).toHaveLength(STATUS_COLUMNS);
    for (const n of counts) expect(Number.isInteger(n) && n >= 0).toBe(true);
    // A unit of a real-sized demo has follow-ups behind it and ahead of it.
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    counts.forEach((n, i) => (total[i]! += n));
  }
  const totals = await rowCounts(table.locator('tfoot tr'));
  expect(totals).toEqual(total);

  const rows = count(await page.getByTestId('fact-rows').textContent());
  const accepted = count(await page.getByTestId('fact-accepted').textContent());
  const rejected = count(await page.getByTestId('fact-rejected').textContent());
  expect(rows).toBeGreaterThan(0);
  expect(accepted + rejected).toBe(rows);

  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('switching language changes the headers and the address', async ({ page }) => {
  const table = await openDemo(page);
  const headers = table.locator('thead th');
  await expect(headers.first()).toHaveText('Unit');
  await expect(headers.nth(1)).toHaveText('Done on time');

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(headers.first()).toHaveText('Enhed');
  await expect(headers.nth(1)).toHaveText('Udført rettidigt');
  await expect(table.locator('tfoot th')).toHaveText('I alt');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page).toHaveURL(/lang=da/);

  // The shared link opens in Danish.
  await page.reload();
  await expect(statusTable(page).locator('thead th').first()).toHaveText('Enhed', { timeout: 30_000 });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(statusTable(page).locator('thead th').first()).toHaveText('Unit');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the page makes no request outside its origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) outside.push(request.url());
  });
  await openDemo(page);
  await page.getByRole('combobox', { name: 'Export' }).selectOption('demo-excel-da');
  await expect(statusTable(page).locator('tbody tr')).toHaveCount(8, { timeout: 30_000 });
  expect(outside).toEqual([]);
});

test('the loaded page has no detectable accessibility violations', async ({ page }) => {
  await openDemo(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a long analysis shows its progress and can be cancelled and started again', async ({ page }) => {
  // Forty copies of the demo (with distinct ids) keep the worker busy for seconds.
  const demo = await (await page.request.get('/exports/demo.csv')).text();
  const [header, ...lines] = demo.trimEnd().split('\n');
  const copies = Array.from({ length: 40 }, (_, i) =>
    lines.map((line) => line.replace(/^([^,]+),([^,]+)/, `$1-${i},$2-${i}`)).join('\n'),
  );
  await page.route('**/exports/demo.csv', (route) =>
    route.fulfill({ body: `${header}\n${copies.join('\n')}\n`, contentType: 'text/csv; charset=utf-8' }),
  );

  await page.goto('/');
  await expect(page.getByRole('progressbar', { name: /Analysing Demo/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The analysis of Demo: 8 units (synthetic) was cancelled.')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await page.getByRole('button', { name: 'Analyse again' }).click();
  await expect(statusTable(page).locator('tbody tr')).toHaveCount(8, { timeout: 60_000 });
});
