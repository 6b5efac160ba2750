import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { settledUrl } from './address.ts';

/** A Danish or English number as written on the page ("1.234,5" or "1,234.5"). */
const danish = (text: string | null) => Number((text ?? '').replace(/\./g, '').replace(',', '.'));

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** The Danish view with Valby's proposal worked out. */
async function openValby(page: Page, search = '') {
  await page.goto(`/?view=balance&lang=da&bunit=Valby${search}`);
  const summary = page.getByRole('status').filter({ hasText: /^Valby: / });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  return summary;
}

const figure = (page: Page, key: string) => page.locator(`tr[data-figure="${key}"] td.value`);
const moves = async (page: Page) =>
  (await page.getByRole('table', { name: 'Sager, der skal flyttes fra én sagsbehandler til en anden' }).locator('tbody tr').allTextContents()).join('\n');

test('editing an FTE in the Danish page changes the proposal', async ({ page }) => {
  const problems = watchProblems(page);
  await openValby(page);
  await expect(figure(page, 'proven')).toHaveText('Ja');
  const before = { today: danish(await figure(page, 'before').textContent()), moves: await moves(page) };

  // The caseworker who carries the most today goes down to 0,5 FTE: per FTE they carry twice as much.
  const heaviest = await page.getByRole('table', { name: /^Sagsbehandlerne i Valby/ }).locator('tbody tr').evaluateAll((rows) => {
    const load = (r: Element) => Number((r.querySelectorAll('td')[3]?.textContent ?? '').replace(/\./g, '').replace(',', '.'));
    return rows.reduce((a, b) => (load(b) > load(a) ? b : a)).querySelector('th')!.textContent!;
  });
  const field = page.getByRole('textbox', { name: `Årsværk for ${heaviest}, Valby` });
  await field.fill('0,5');
  await field.press('Enter');

  await expect.poll(async () => danish(await figure(page, 'before').textContent()), { timeout: 60_000 }).toBeCloseTo(before.today * 2, 1);
  await expect(page.getByRole('status').filter({ hasText: /^Valby: / })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => moves(page), { timeout: 60_000 }).not.toBe(before.moves);
  await expect(field).toHaveValue('0,5');
  // FTE name people: they stay out of the address.
  const address = (await settledUrl(page)).href;
  expect(address).not.toContain('0,5');
  expect(address).not.toContain(encodeURIComponent(heaviest));
  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('a case kept where it is leaves the moves, and a caseworker leaving gets none', async ({ page }) => {
  await openValby(page);
  const first = page.getByRole('table', { name: 'Sager, der skal flyttes fra én sagsbehandler til en anden' }).locator('tbody tr').first();
  const caseId = (await first.locator('th').textContent())!;
  await first.getByRole('button', { name: /^Behold hos .*, sag / }).click();
  await expect(page.getByText(new RegExp(`^${caseId} hos `))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Valby: / })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Sager, der skal flyttes fra én sagsbehandler til en anden' }).locator('tbody th', { hasText: caseId })).toHaveCount(0);

  const leaving = page.getByRole('checkbox', { name: /stopper: sagerne går til de andre$/ }).first();
  const name = (await leaving.getAttribute('aria-label'))!.split(' ')[0]!;
  await leaving.check();
  await expect(page.getByRole('status').filter({ hasText: /^Valby: / })).toBeVisible({ timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Belastning pr. sagsbehandler i dag og med forslaget' });
  await page.locator('section.card').filter({ hasText: 'Belastning pr. årsværk i dag og med forslaget' }).getByRole('button', { name: 'Vis som tabel' }).click();
  const row = table.locator('tbody tr', { hasText: `${name} (stopper)` });
  await expect(row.locator('td').nth(2)).toHaveText('0');
});

test('FTE from a file with a decimal comma, a bad line named, remembered only when asked', async ({ page }) => {
  await openValby(page);
  const worker = (await page.getByRole('table', { name: /^Sagsbehandlerne i Valby/ }).locator('tbody th').first().textContent())!;
  await page.getByTestId('fte-file-input').setInputFiles({ name: 'fte.csv', mimeType: 'text/csv', buffer: Buffer.from(`sagsbehandler;årsværk;enhed\n${worker};0,75;Valby\nNY;0,5;Valby\n`) });
  await expect(page.getByText('fte.csv er indlæst.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: `Årsværk for ${worker}, Valby` })).toHaveValue('0,75');
  // A new colleague named for the unit holds nothing yet, and gets cases.
  await expect(page.getByRole('textbox', { name: 'Årsværk for NY, Valby' })).toHaveValue('0,5');

  await page.getByTestId('fte-file-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('sagsbehandler;fte\nAB;1\nCD;3\n') });
  await expect(page.getByRole('alert')).toContainText('linje 3: årsværk 3 er ikke over 0 og højst 2.');

  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.getByRole('checkbox', { name: 'Husk årsværkene i denne browser' }).check();
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('sagsflow.balance.fte')))!) as object[];
  expect(stored).toContainEqual({ caseworker: worker, unit: 'Valby', fte: 0.75 });
  for (const entry of stored) expect(Object.keys(entry).sort()).toEqual(['caseworker', 'fte', 'unit']);
  await page.reload();
  await expect(page.getByRole('textbox', { name: `Årsværk for ${worker}, Valby` })).toHaveValue('0,75', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Glem årsværkene' }).click();
  expect(await page.evaluate(() => localStorage.getItem('sagsflow.balance.fte'))).toBeNull();
});

test('the moves download as a Danish CSV and print on their own', async ({ page }) => {
  await page.addInitScript(() => (window.print = () => {}));
  await openValby(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent flytningerne (CSV)' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('enhed;sags_id;foranstaltningstyper;fra;til;vaegt');
  expect(text.split('\r\n').length).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Udskriv flytningerne' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('table', { name: 'Sager, der skal flyttes fra én sagsbehandler til en anden' })).toBeVisible();
  await expect(page.getByText(/^Opgjort .*; spillerum 0\s%\.$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Rettidighed pr\. enhed/ })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Alle sagsbehandlere efter belastning pr. årsværk' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Behold hos .*, sag / }).first()).toBeHidden();
});

test('the on-time share per unit has a panel per unit and a table with the municipality', async ({ page }) => {
  await page.goto('/?view=balance&lang=en');
  const card = page.locator('section.card').filter({ has: page.getByRole('heading', { name: /^On time per unit and month/ }) });
  await expect(card.locator('svg.chart')).toHaveCount(8, { timeout: 60_000 });
  await card.getByRole('button', { name: 'View as table' }).click();
  const table = page.getByRole('table', { name: 'Share of the follow-ups due each month that were done on time' });
  await expect(table.locator('tbody tr')).toHaveCount(9);
  await expect(table.locator('tbody tr').last().locator('th')).toHaveText('All units');
  await expect(table.locator('thead th')).toHaveCount(13);
});

test('the caseload view has no detectable accessibility violations', async ({ page }) => {
  await openValby(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
