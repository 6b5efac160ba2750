import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/*
 * Overdue follow-ups older than the heatmaps' months and weeks must still be
 * reachable, every one, with who holds it: the list "Alle overskredne
 * opfølgninger" in the workload view, on the Danish page.
 */

const OLD = 230;
/** 230 measures started in 2022 and never followed up (overdue for years), and one that is not overdue. */
function exportText(): string {
  const lines = ['sagsnr;foranstaltning;enhed;sagsbehandler;foranstaltningstype;hændelse;dato'];
  for (let i = 0; i < OLD; i++) {
    const start = new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10);
    lines.push(`S${String(i).padStart(3, '0')};F${i};Østerbro;AB${i % 3};forebyggende;iværksat;${start}`);
  }
  lines.push('S999;F999;Amager;CD;anbringelse;iværksat;2025-06-30');
  return lines.join('\r\n');
}

const DAY = 86_400_000;
/** Days from measure i's first follow-up, due 3 months after its start (day clamped to the month), to the as-of date, 2025-06-30. */
function daysOverdue(i: number): number {
  const start = new Date(Date.UTC(2022, 0, 1 + i));
  const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth() + 3, start.getUTCDate()];
  const due = Date.UTC(y, m, Math.min(d, new Date(Date.UTC(y, m + 1, 0)).getUTCDate()));
  return (Date.UTC(2025, 5, 30) - due) / DAY;
}

async function openWorkload(page: Page) {
  await page.goto('/?lang=da&view=heatmaps');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Åbn fil' }).click();
  await (await chooser).setFiles({ name: 'gamle.csv', mimeType: 'text/csv', buffer: Buffer.from(exportText()) });
  const list = page.getByRole('region', { name: 'Alle overskredne opfølgninger' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  return list;
}

test('every overdue follow-up, years older than the heatmaps, can be listed oldest first with who holds it', async ({ page }) => {
  const list = await openWorkload(page);
  const table = list.getByRole('table', { name: `Overskredne opfølgninger i alle enheder: ${OLD}` });
  await expect(table).toBeVisible();
  await expect(list).toContainText(`Af dem har ${OLD} frist før juni 2024 og ses derfor ikke i kortet pr. enhed og måned`);

  await expect(table.getByRole('columnheader')).toHaveText(['Sag', 'Foranstaltning', 'Foranstaltningstype', 'Enhed', 'Sagsbehandler', 'Frist', 'Dage over fristen']);
  const first = table.locator('tbody tr').first();
  await expect(first.getByRole('rowheader')).toHaveText('S000');
  await expect(first.getByRole('cell')).toHaveText(['F0', 'forebyggende', 'Østerbro', 'AB0', '1. april 2022', daysOverdue(0).toLocaleString('da-DK')]);

  // Long lists are drawn a page at a time.
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(100);
  await expect(list.getByRole('status')).toHaveText(`Viser 100 af ${OLD}. CSV-filen har dem alle.`);
  await list.getByRole('button', { name: 'Vis 100 flere' }).click();
  await expect(rows).toHaveCount(200);
  await list.getByRole('button', { name: 'Vis 30 flere' }).click();
  await expect(rows).toHaveCount(OLD);
  await expect(list.getByRole('button', { name: /^Vis \d+ flere$/ })).toHaveCount(0);
  await expect(rows.last().getByRole('rowheader')).toHaveText(`S${OLD - 1}`);
});

test('the list keeps its unit and order in the address, and downloads every row as a Danish CSV', async ({ page }) => {
  const list = await openWorkload(page);
  await list.getByRole('combobox', { name: 'Rækkefølge' }).selectOption({ label: 'Nyeste først' });
  await expect(list.locator('tbody tr').first().getByRole('rowheader')).toHaveText(`S${OLD - 1}`);
  await expect.poll(() => new URL(page.url()).searchParams.get('overdueorder')).toBe('newest');

  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Hent alle overskredne opfølgninger (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('overskredne-opfoelgninger-alle-enheder-2025-06-30.csv');
  const lines = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines).toHaveLength(OLD + 1);
  expect(lines[0]).toBe('Sag;Foranstaltning;Foranstaltningstype;Enhed;Sagsbehandler;Frist;Dage over fristen');
  expect(lines[1]).toBe(`S${OLD - 1};F${OLD - 1};forebyggende;Østerbro;AB${(OLD - 1) % 3};2022-11-18;${daysOverdue(OLD - 1)}`);

  await list.getByRole('combobox', { name: 'Enhed' }).selectOption('Amager');
  await expect(list).toContainText('Ingen opfølgning er overskredet i Amager.');
  await expect.poll(() => new URL(page.url()).searchParams.get('overdueunit')).toBe('Amager');
});

test('a cell’s list downloads with the Danish page’s column names and statuses', async ({ page }) => {
  await openWorkload(page);
  // Amager's one measure, started 30 June 2025, is due for its first follow-up at the end of September.
  const cell = page.getByRole('button', { name: /^Amager, september 2025: 1 opfølgning med frist/ }).first();
  await cell.click();
  const list = page.getByRole('table', { name: /^Opfølgninger med frist i Amager, september 2025: 1$/ });
  await expect(list).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent listen (CSV)' }).click();
  const lines = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines).toEqual(['Sag;Foranstaltning;Foranstaltningstype;Sagsbehandler;Frist;Status', 'S999;F999;anbringelse;CD;2025-09-30;Kommende']);
});
