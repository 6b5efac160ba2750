import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { encodeText } from '../../src/cli/encode.ts';
import { generateRows, toCsv } from '../../src/domain/generate/index.ts';
import { workbookCells } from './workbook.ts';

/*
 * Opening a file as a person does: the "Open file" button and the system's
 * file chooser. Every count on screen must equal the command line's on the
 * same bytes, and no request may leave the page's origin.
 */

const STATUSES = ['done_on_time', 'done_late', 'overdue', 'upcoming', 'missed', 'projected'] as const;
const count = (text: string | null) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

interface CliAnalysis {
  rows: { total: number; accepted: number; rejected: number };
  units: string[];
  status: Record<string, Record<(typeof STATUSES)[number], number>>;
}

/** The command line's analysis of the same bytes (SPEC §8). */
function cli(bytes: Uint8Array, name: string): CliAnalysis {
  const file = join(mkdtempSync(join(tmpdir(), 'sagsflow-')), name);
  writeFileSync(file, bytes);
  const out = execFileSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'analyze', file, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as CliAnalysis;
}

async function openFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
  await expect(page.getByTestId('local-file')).toHaveText(`Local file: ${name}`);
  await expect(page.getByRole('table').first()).toBeVisible({ timeout: 30_000 });
}

/** The status table as the CLI prints it: per unit, the six counts. */
async function screenStatus(page: Page) {
  const table = page.getByRole('table', { name: /Follow-ups by status and unit/ });
  const status: CliAnalysis['status'] = {};
  for (const row of await table.locator('tbody tr').all()) {
    const unit = (await row.locator('th').textContent())!.trim();
    const cells = (await row.getByRole('cell').allTextContents()).map(count);
    status[unit] = Object.fromEntries(STATUSES.map((s, i) => [s, cells[i]!])) as CliAnalysis['status'][string];
  }
  return status;
}

async function screenRows(page: Page) {
  return {
    total: count(await page.getByTestId('fact-rows').textContent()),
    accepted: count(await page.getByTestId('fact-accepted').textContent()),
    rejected: count(await page.getByTestId('fact-rejected').textContent()),
  };
}

/** Requests that leave the page's origin (data: and blob: stay in the page). */
function watchOutside(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) outside.push(request.url());
  });
  return outside;
}

test('a Danish Windows-1252 file with ; opens from the file chooser with æ, ø, å intact and the command line’s counts', async ({ page, baseURL }) => {
  const outside = watchOutside(page, new URL(baseURL!).origin);
  const bytes = encodeText(toCsv(generateRows({ seed: 11, measures: 300 }), 'danish-excel'), 'windows-1252');
  expect(bytes.includes(0xf8) || bytes.includes(0xe6) || bytes.includes(0xe5)).toBe(true);
  const expected = cli(bytes, 'udtraek-da.csv');

  await page.goto('/');
  await openFile(page, 'udtraek-da.csv', 'text/csv', Buffer.from(bytes));

  expect(await screenRows(page)).toEqual(expected.rows);
  expect(await screenStatus(page)).toEqual(expected.status);
  expect(expected.units.some((u) => /[æøåÆØÅ]/.test(u))).toBe(true);
  const status = page.getByRole('table', { name: /Follow-ups by status and unit/ });
  for (const unit of expected.units) await expect(status.getByRole('rowheader', { name: unit, exact: true })).toBeVisible();

  // Every view there is, clicked through: still nothing leaves the origin.
  for (const link of await page.getByRole('navigation', { name: 'Views' }).getByRole('link').all()) await link.click();
  expect(outside).toEqual([]);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('an XLSX file opens from the file chooser with the same counts as the same export as CSV on the command line', async ({ page, baseURL }) => {
  const outside = watchOutside(page, new URL(baseURL!).origin);
  const text = toCsv(generateRows({ seed: 12, measures: 200 }), 'canonical');
  const expected = cli(new TextEncoder().encode(text), 'udtraek.csv');
  const xlsx = await writeExcelFile(workbookCells(text) as never).toBuffer();

  await page.goto('/');
  await openFile(page, 'udtraek.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);

  expect(await screenRows(page)).toEqual(expected.rows);
  expect(await screenStatus(page)).toEqual(expected.status);
  await expect(page.getByTestId('validation-report')).toContainText('Read as an Excel sheet, “Sheet1”.');
  expect(outside).toEqual([]);
});

test('a CPR column is named and its values never appear on the page', async ({ page }) => {
  const cprs = ['010190-1234', '150285-4321', '311299-9876'];
  const lines = ['case_id,measure_id,unit,cpr,event,date'];
  cprs.forEach((cpr, i) => {
    lines.push(`C${i},M1,Amager,${cpr},start,2025-01-0${i + 1}`);
    lines.push(`C${i},M1,Amager,${cpr},follow_up,2025-13-0${i + 1}`); // rejected: its values are in the report
  });
  await page.goto('/');
  await openFile(page, 'cpr.csv', 'text/csv', Buffer.from(lines.join('\n')));

  await expect(page.getByText('Columns that looked like CPR numbers were dropped unread: cpr.')).toBeVisible();
  await page.getByTestId('validation-report').locator('summary').first().click();
  await expect(page.getByTestId('validation-report')).toContainText('2025-13-01');
  const text = await page.locator('body').innerText();
  for (const cpr of cprs) {
    expect(text).not.toContain(cpr);
    expect(text).not.toContain(cpr.replace('-', ''));
  }
});

test('a file with unknown headers asks for its columns, and the mapping is remembered by header names only', async ({ page }) => {
  const body = 'Sag;Tiltag;Team;Hvad;Hvornår\nS1;F1;Øst;iværksat;02.01.2025\nS2;F2;Vest;iværksat;15.01.2025\n';
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles({ name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });

  await expect(page.getByRole('heading', { name: 'Which column holds what?' })).toBeVisible({ timeout: 30_000 });
  for (const [field, column] of [['Case id', 'Sag'], ['Measure id', 'Tiltag'], ['Unit', 'Team'], ['Event', 'Hvad'], ['Date', 'Hvornår']]) {
    await page.getByLabel(new RegExp(`^${field} \\(required\\)`)).selectOption(column!);
  }
  await page.getByRole('button', { name: 'Read with these columns' }).click();
  await expect(page.getByRole('rowheader', { name: 'Øst' })).toBeVisible({ timeout: 30_000 });

  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('sagsflow.mapping.')));
  expect(stored).toHaveLength(1);
  expect(stored[0]![1]).not.toMatch(/S1|F1|Øst|2025/);

  // The same header again: read at once with the remembered mapping.
  await page.reload();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: 'Open file' }).click();
  await (await again).setFiles({ name: 'odd2.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });
  await expect(page.getByRole('rowheader', { name: 'Vest' })).toBeVisible({ timeout: 30_000 });
});

test('ambiguous dates are asked about, shown both ways', async ({ page }) => {
  const body = 'case_id,measure_id,unit,event,date\nC1,M1,Amager,start,01/02/2025\nC1,M1,Amager,follow_up,03/04/2025\n';
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles({ name: 'us.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });
  await expect(page.getByRole('heading', { name: 'Which date order does the file use?' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /01\/02\/2025/ })).toContainText(/1 Feb.*2 Jan/);
  await page.getByRole('button', { name: 'Month first (US)' }).click();
  await expect(page.getByTestId('validation-report')).toContainText('Dates read month first, as chosen.', { timeout: 30_000 });
});

test('hostile files get a clear message: empty, binary, and script in a unit name rendered as text', async ({ page }) => {
  await page.goto('/');
  for (const [name, body, message] of [
    ['empty.csv', '', 'The file is empty'],
    ['binary.csv', '\u0000\u0001\u0002PK', 'binary data'],
  ] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
    await expect(page.getByRole('alert')).toContainText(message, { timeout: 30_000 });
  }
  let dialogs = 0;
  page.on('dialog', (d) => (dialogs++, void d.dismiss()));
  await openFile(page, 'xss.csv', 'text/csv', Buffer.from('case_id,measure_id,unit,event,date\nC1,M1,<img src=x onerror=alert(1)>,start,2025-01-02\n'));
  await expect(page.getByRole('rowheader', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  expect(dialogs).toBe(0);
});

test('an endpoint on another origin is refused with a reason', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Export endpoint').fill('https://example.org/exports/');
  await page.getByRole('button', { name: 'Use endpoint' }).click();
  await expect(page.getByRole('alert')).toContainText('is on another server');
});

test('an export is kept in the browser only when asked, and Forget removes it', async ({ page }) => {
  const csv = toCsv(generateRows({ seed: 5, measures: 40 }), 'canonical');
  await page.goto('/');
  await openFile(page, 'kept.csv', 'text/csv', Buffer.from(csv));
  const stored = () => page.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('sagsflow', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('remembered');
    open.onsuccess = () => {
      const count = open.result.transaction('remembered').objectStore('remembered').count();
      count.onsuccess = () => { resolve(count.result); open.result.close(); };
    };
  }));
  expect(await stored()).toBe(0);

  await page.getByRole('button', { name: 'Remember this export in this browser' }).click();
  await expect(page.getByText('Remembered in this browser until you press Forget.')).toBeVisible();
  expect(await stored()).toBe(1);

  // A reload of its address opens it again by itself; a plain address offers it.
  await page.reload();
  await expect(page.getByTestId('reopened')).toHaveText('The file was remembered in this browser and has been opened again.', { timeout: 30_000 });
  await page.goto('/');
  await expect(page.getByText('Remembered in this browser: kept.csv')).toBeVisible();
  await page.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByTestId('local-file')).toHaveText('Local file: kept.csv');
  await expect(page.getByRole('table', { name: /Follow-ups by status and unit/ })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Forget' }).click();
  await expect(page.getByRole('button', { name: 'Remember this export in this browser' })).toBeVisible();
  expect(await stored()).toBe(0);
  await page.reload();
  await expect(page.getByText(/Remembered in this browser/)).toHaveCount(0);
});
