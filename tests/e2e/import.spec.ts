import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { encodeText } from '../../src/cli/encode.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
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

/** Hands a file to the page through its "Open file" button (`button`: its name in the page's language) and the system's file chooser. */
async function chooseFile(page: Page, name: string, body: string | Buffer, { mimeType = 'text/csv', button = 'Open file' } = {}) {
  const chooser = page.waitForEvent('filechooser');
  // The header's button: a page that asks for a local file again has a second one in its notice.
  await page.getByRole('banner').getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType, buffer: typeof body === 'string' ? Buffer.from(body) : body });
}

async function openFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await chooseFile(page, name, buffer, { mimeType });
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
  const bytes = encodeText(exportText(generateRows({ seed: 11, measures: 300 }), 'danish-excel'), 'windows-1252');
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
  const text = exportText(generateRows({ seed: 12, measures: 200 }), 'canonical');
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
  await chooseFile(page, 'odd.csv', body);

  await expect(page.getByRole('heading', { name: 'Which column holds what?' })).toBeVisible({ timeout: 30_000 });
  for (const [field, column] of [['Case id', 'Sag'], ['Measure id', 'Tiltag'], ['Unit', 'Team'], ['Event', 'Hvad'], ['Date', 'Hvornår']]) {
    // Options are columns by their place, named by header and samples: 'Sag — e.g. S1, S2'.
    const select = page.getByLabel(new RegExp(`^${field} \\(required\\)`));
    await select.selectOption({ label: (await select.locator('option').allTextContents()).find((t) => t.startsWith(`${column} — `))! });
  }
  await page.getByRole('button', { name: 'Read with these columns' }).click();
  await expect(page.getByRole('rowheader', { name: 'Øst' })).toBeVisible({ timeout: 30_000 });

  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('sagsflow.mapping.')));
  expect(stored).toHaveLength(1);
  expect(stored[0]![1]).not.toMatch(/S1|F1|Øst|2025/);

  // The same header again: read at once with the remembered mapping.
  await page.reload();
  await chooseFile(page, 'odd2.csv', body);
  await expect(page.getByRole('rowheader', { name: 'Vest' })).toBeVisible({ timeout: 30_000 });
});

test('ambiguous dates are asked about, shown both ways', async ({ page }) => {
  const body = 'case_id,measure_id,unit,event,date\nC1,M1,Amager,start,01/02/2025\nC1,M1,Amager,follow_up,03/04/2025\n';
  await page.goto('/');
  await chooseFile(page, 'us.csv', body);
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
    await chooseFile(page, name, body);
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
  await page.getByRole('banner').getByRole('button', { name: 'Data source' }).click();
  await page.getByLabel('Export endpoint').fill('https://example.org/exports/');
  await page.getByRole('button', { name: 'Use endpoint' }).click();
  await expect(page.getByRole('alert')).toContainText('is on another server');
});

test('an export is kept in the browser only when asked, and Forget removes it', async ({ page }) => {
  const csv = exportText(generateRows({ seed: 5, measures: 40 }), 'canonical');
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

test('on the Danish page a file with bad rows is reported in Danish, grouped by reason, and its download is named in Danish', async ({ page }) => {
  const body = [
    'sagsnr;foranstaltning;enhed;hændelse;dato;næste_frist',
    'S1;F1;Amager;iværksat;02.01.2025;',
    'S1;F1;Amager;opfølgning;31.02.2025;', // not a date
    'S1;F1;Amager;opfølgning;noget;', // not a date: the same group
    'S1;F1;Amager;besøg;03.02.2025;', // not an event
    'S1;F1;;opfølgning;04.02.2025;', // empty unit
    'S1;F1;Amager;opfølgning;05.03.2025;05.03.2025', // next due not after
    'S1;F1;Amager;iværksat;06.01.2025;', // second start
    'S2;F2;Valby;opfølgning;01.02.2025;', // no start
    'S1;F1;Amager;ophør;01.01.2025;', // end before the start
    'S1;F1;Amager;opfølgning;10.03.2025;',
    'S1;F1;Amager;opfølgning;10.03.2025;', // repeats
    'S1;F1;Amager;opfølgning;01.01.2025;', // follow-up before the start
    'S3;F3;Valby;iværksat;01.01.2025;',
    'S3;F3;Valby;opfølgning;01.09.2026;', // the latest date: the as-of
    'S3;F3;Valby;ophør;01.03.2025;', // ends before the follow-up above: rejects it
  ].join('\n');
  await page.goto('/?lang=da');
  await chooseFile(page, 'fejl.csv', body, { button: 'Åbn fil' });
  const report = page.getByTestId('validation-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  const groups = await report.locator('summary').all();
  for (const summary of groups) await summary.click();
  // A group builds its table when it is opened: read the report once every one has.
  await expect(report.locator('details[open] table')).toHaveCount(groups.length);

  const text = await report.innerText();
  for (const words of [
    '"31.02.2025" i kolonnen "dato" er ikke en dato',
    'Kontrol 1: "…" i kolonnen "dato" er ikke en dato; brug ÅÅÅÅ-MM-DD',
    '"besøg" i kolonnen "hændelse" er ikke en kendt hændelse',
    'den påkrævede kolonne "enhed" er tom',
    'den næste frist 5. marts 2025 i kolonnen "næste_frist" ligger ikke efter rækkens dato 5. marts 2025',
    'endnu en start af foranstaltning "F1" i sag "S1"; den første, på linje 2, gælder',
    'ophøret 1. januar 2025 ligger før starten 2. januar 2025 (linje 2)',
    'gentager linje 11 (samme foranstaltning, hændelse og dato)',
    'opfølgning dateret 1. januar 2025, før starten 2. januar 2025 (linje 2)',
    'opfølgning dateret 1. september 2026, efter ophøret 1. marts 2025 (linje 16)',
  ]) {
    expect(text).toContain(words);
  }
  expect(text).toContain('foranstaltning "F2" i sag "S2" har ingen start (iværksat), der kunne godkendes');
  // Two rows with different values, one reason: one group.
  await expect(report.locator('summary', { hasText: 'er ikke en dato' })).toHaveText(/\(2\)$/);
  expect(text).not.toMatch(/\b(is not a|required column|has no start|a second|repeats line|follow-up dated|before the start|after the end|Check \d)\b/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent afviste rækker (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('afviste-raekker.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\ufeffLinje;Kontrol;Årsag;sagsnr;foranstaltning;enhed;hændelse;dato;næste_frist');
  expect(csv).toContain('er ikke en dato');
  expect(csv).not.toMatch(/is not a date/);
});

test('on the Danish page a refused file says why in Danish', async ({ page }) => {
  await page.goto('/?lang=da');
  for (const [name, body, message] of [
    ['tom.csv', '', 'Filen er tom: der er ingen overskriftsrække og ingen data.'],
    ['binaer.csv', '\u0000\u0001\u0002PK', 'filen indeholder binære data'],
    ['citat.csv', 'sagsnr,"foranstaltning,enhed,hændelse,dato\nS1,F1,A,iværksat,2025-01-01\n', 'Overskriftsrækken, på linje 1, åbner et felt i anførselstegn'],
  ] as const) {
    await chooseFile(page, name, body, { button: 'Åbn fil' });
    await expect(page.getByRole('alert')).toContainText(message, { timeout: 30_000 });
    await expect(page.getByRole('alert')).not.toContainText(/\b(The|file|header|Save|Export)\b/);
  }
});
