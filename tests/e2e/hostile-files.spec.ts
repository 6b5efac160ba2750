import { truncateSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { zerosDeflated, zipOf } from '../domain/zipBomb.ts';

/*
 * Files that must be refused whole, in words a person can act on, before
 * they can cost the page its memory.
 */

/** Hands the file at `path` to the page through the header's "Open file" button and the system's file chooser. */
async function choosePath(page: Page, path: string, button = 'Open file') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

test('a file over 160 MB is refused from its size, unread, in Danish', async ({ page }, info) => {
  // A sparse file: 161 MB on paper, no blocks on the disk.
  const path = info.outputPath('udtraek-0101901234.csv');
  writeFileSync(path, '');
  truncateSync(path, 161 * 1024 * 1024);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/?lang=da');
  await choosePath(page, path, 'Åbn fil');
  const refused = page.getByTestId('refused');
  await expect(refused).toContainText('Filen fylder 161 MB; Sagsflow læser udtræk på op til 160 MB.');
  await expect(refused).toContainText('udtraek-••••••-••••.csv');
  // Refused before reading: there was never a question about a large file, nor an analysis.
  await expect(page.getByText('Det tager tid og meget hukommelse')).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  expect(await page.content()).not.toContain('0101901234');
  expect(problems).toEqual([]);
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'xl/worksheets/sheet1.xml';

for (const { what, declared, says } of [
  { what: 'a sheet of 1 GB of zeros', declared: 1024 * 1024 * 1024, says: 'Projektmappen fylder 1.024 MB, når den pakkes ud; Sagsflow læser projektmapper på op til 480 MB udpakket.' },
  { what: 'a sheet that declares 1 KB and holds 1 GB', declared: 1024, says: 'Projektmappen er beskadiget og kan ikke læses.' },
]) {
  test(`a workbook with ${what} is refused in Danish, and the page goes on`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto('/?lang=da');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('banner').getByRole('button', { name: 'Åbn fil' }).click();
    const bomb = zipOf([{ name: SHEET, deflated: zerosDeflated(1024), declared }]);
    await (await chooser).setFiles({ name: 'udtraek.xlsx', mimeType: XLSX, buffer: Buffer.from(bomb) });
    await expect(page.getByRole('alert').filter({ hasText: says })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Noget uventet gik galt')).toHaveCount(0);
    // The page still answers: the file closes, and the exports are offered again.
    await page.getByRole('button', { name: 'Luk filen' }).click();
    await expect(page.getByText(says)).toHaveCount(0);
    expect(problems).toEqual([]);
  });
}
