import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** "1.234" (Danish) or "1,234" (English) as a number. */
const count = (text: string | null) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

async function openRegistration(page: Page, search = '') {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`/?view=registration${search}`);
  return problems;
}

/** The downloaded checklist with `documented` filled in: "nej" on the rows given, "ja" on the others. */
function filled(text: string, no: ReadonlySet<number>, blank: ReadonlySet<number> = new Set()): string {
  return text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .map((line, i) => (i === 0 ? line : `${line}${blank.has(i - 1) ? '' : no.has(i - 1) ? 'nej' : 'ja'}`))
    .join('\r\n');
}

test('the Danish page draws a sample, and reads the filled-in checklist back to a conclusion', async ({ page }) => {
  const problems = await openRegistration(page, '&lang=da&aseed=4711');
  await expect(page.getByRole('heading', { name: 'Stikprøvekontrol af registrerede opfølgninger', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Startværdi')).toHaveValue('4711');
  // The rule in one sentence with its numbers, in Danish.
  await expect(page.getByTestId('audit-rule')).toContainText(/^Med [\d.]+ registreringer og en tolerabel fejlrate på 5\s% kan populationen rumme \d+ fejl; en stikprøve på (\d+) finder højst 0 af dem/);
  const table = page.getByRole('table', { name: /^Registreringer og stikprøve pr\. enhed/ });
  const sample = count(await table.getByRole('row', { name: /^I alt/ }).locator('td').nth(1).textContent());
  expect(sample).toBeGreaterThan(10);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent tjeklisten (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('stikproeve-tjekliste-4711.csv');
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toBe('linje;enhed;sagsnr;foranstaltning;sagsbehandler;hændelse;dato;dokumenteret');
  expect(lines).toHaveLength(sample + 1);
  expect(text).not.toMatch(/\d{6}-?\d{4}/);

  const load = page.getByTestId('checklist-input');
  await expect(page.getByRole('button', { name: 'Indlæs den udfyldte tjekliste' })).toBeVisible();
  await load.setInputFiles({ name: 'tjekliste.csv', mimeType: 'text/csv', buffer: Buffer.from(filled(text, new Set([0, 4, 9]))) });
  await expect(page.getByTestId('checklist-match')).toHaveText('tjekliste.csv er den stikprøve, der er trukket med disse indstillinger.');
  await expect(page.getByTestId('audit-conclusion')).toHaveText(
    new RegExp(`^Alle enheder: 3 af ${sample} er ikke dokumenteret \\([\\d,]+\\s%\\)\\. Med 95\\s% sikkerhed kan fejlraten være op til [\\d,]+\\s%, over den tolerable 5\\s%: registreringerne kan ikke lægges til grund\\.$`),
  );
  await expect(page.getByRole('table', { name: /^Ikke dokumenterede rækker/ }).getByRole('row', { name: /^Alle enheder/ })).toContainText('kan ikke lægges til grund');

  // A row left empty is an error that names its line (the header is line 1).
  await load.setInputFiles({ name: 'halv.csv', mimeType: 'text/csv', buffer: Buffer.from(filled(text, new Set([0]), new Set([2]))) });
  await expect(page.getByText('Linje 4: dokumenteret er ikke udfyldt; skriv ja eller nej.')).toBeVisible();
  await expect(page.getByTestId('audit-conclusion')).toHaveCount(0);

  // Drawn again with another seed, the same checklist is another sample.
  await page.getByRole('button', { name: 'Træk en ny stikprøve' }).click();
  await expect(page.getByLabel('Startværdi')).not.toHaveValue('4711');
  await load.setInputFiles({ name: 'tjekliste.csv', mimeType: 'text/csv', buffer: Buffer.from(filled(text, new Set())) });
  await expect(page.getByTestId('checklist-match')).toContainText('tjekliste.csv afviger fra den stikprøve');
  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('a sample with no deviation, sized to allow one, can be relied on, in English', async ({ page }) => {
  await openRegistration(page, '&lang=en&aseed=1&aallow=1');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Download the checklist (CSV)' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
  const yes = text.split('\r\n').map((line, i) => (i === 0 ? line : `${line}Yes`)).join('\r\n');
  await page.getByTestId('checklist-input').setInputFiles({ name: 'checklist.csv', mimeType: 'text/csv', buffer: Buffer.from(yes) });
  await expect(page.getByTestId('audit-conclusion')).toHaveText(/^All units: 0 of \d+ not documented \(0%\)\. At 95% confidence the deviation rate is at most [\d.]+%, within the tolerable 5%: the registrations can be relied on\.$/);
});

test('the period statistics set real against registered per unit, and follow the months chosen', async ({ page }) => {
  await openRegistration(page, '&lang=da');
  const table = page.getByTestId('period-table');
  await expect(table).toBeVisible({ timeout: 30_000 });
  const total = table.getByRole('row', { name: /^I alt/ });
  const cell = (side: string, figure: string) => total.locator(`td[data-side="${side}"][data-figure="${figure}"]`);
  const realOverdue = count(await cell('real', 'overdue').textContent());
  const registeredOverdue = count(await cell('registered', 'overdue').textContent());
  // The demo has units that register technical follow-ups: as registered, fewer are overdue.
  expect(registeredOverdue).toBeLessThan(realOverdue);

  const dueAll = count(await cell('real', 'due').textContent());
  await page.getByLabel('Fra', { exact: true }).selectOption({ index: 10 });
  await expect(page).toHaveURL(/rfrom=\d{4}-\d{2}/);
  await expect.poll(async () => count(await cell('real', 'due').textContent())).toBeLessThan(dueAll);
  await expect(table).toHaveAccessibleName(/^Opfølgninger med frist fra \S+ \d{4} til \S+ \d{4} pr\. enhed/);

  // Brushed across the chart instead, from near the start to the middle.
  const brush = page.getByTestId('brush');
  const box = (await brush.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/rto=\d{4}-\d{2}/);
  await expect(page.getByLabel('Til', { exact: true })).not.toHaveValue(/-10$/);
});

test('a cell of the technical follow-ups lists its cases, and a case opens to its registrations', async ({ page }) => {
  await openRegistration(page, '&lang=da');
  const heading = page.getByRole('heading', { name: 'Tekniske opfølgninger pr. enhed og måned' });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /: [1-9][\d.]* tekniske opfølgninger, [\d,]+\s% af registreringerne$/ }).first().click();
  await expect(page).toHaveURL(/rcell=/);
  const list = page.getByRole('table', { name: /^Sager med tekniske opfølgninger, .+: [\d.]+$/ });
  await expect(list).toBeVisible();
  await list.getByRole('button', { name: /^Vis registreringerne i sag / }).first().click();
  await expect(page.getByRole('table', { name: /^Registreringer i sag / })).toContainText('Teknisk opfølgning');
});

test('the registration view has no detectable accessibility violations', async ({ page }) => {
  await openRegistration(page, '&aseed=5');
  await expect(page.getByRole('heading', { name: 'Sample audit of registered follow-ups', exact: true })).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('the checklist prints alone', async ({ page }) => {
  await openRegistration(page, '&aseed=5');
  await expect(page.getByRole('button', { name: 'Print the checklist' })).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => (document.documentElement.dataset.print = 'checklist'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Checklist: sample audit of registered follow-ups' })).toBeVisible();
  await expect(page.getByText(/; seed 5; as of /)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Technical follow-ups per unit and month' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download the checklist (CSV)' })).toBeHidden();
});
