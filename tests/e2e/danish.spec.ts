import { expect, test, type Page } from '@playwright/test';
import writeExcelFile from 'write-excel-file/node';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';
import { workbookCells } from './workbook.ts';
import { settledUrl } from './address.ts';

/*
 * The Danish page as a Danish person uses it: numbers typed with a decimal
 * comma, and workbooks as a case system writes them (a data sheet and an
 * information sheet).
 */

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

test('a number field on the Danish page reads 6,5, 6.5 and 6,50 as six and a half, and refuses abc beside the field', async ({ page }) => {
  await page.goto('/?lang=da&view=heatmaps');
  const card = page.getByRole('region', { name: 'Opfølgninger med frist pr. enhed og måned' });
  await expect(card.getByRole('button', { name: /opfølgninger? med frist/ }).first()).toBeVisible({ timeout: 30_000 });
  const fte = card.getByRole('group', { name: 'Årsværk (fuldtidssagsbehandlere) pr. enhed' }).getByRole('textbox').first();
  const unit = await card.locator(`label[for="${await fte.getAttribute('id')}"]`).textContent();

  for (const typed of ['6,5', '6.5', '6,50']) {
    await fte.fill(typed);
    await fte.press('Tab');
    await expect(fte).toHaveValue('6,5');
    await expect.poll(() => param(page, 'fte')).toBe(`${unit}:6.5`);
  }

  await fte.fill('abc');
  await fte.press('Tab');
  await expect(fte).toHaveAttribute('aria-invalid', 'true');
  await expect(fte).toHaveAccessibleDescription('“abc” er ikke et tal. Skriv det som 6,5. Der regnes stadig med 6,5.');
  await expect(card.getByText('“abc” er ikke et tal.', { exact: false })).toBeVisible();
  expect((await settledUrl(page)).searchParams.get('fte')).toBe(`${unit}:6.5`);

  // A capacity of 7,5 is seven and a half, shown the Danish way in the key.
  const cap = card.getByRole('textbox', { name: 'Kapacitet pr. enhed og måned' });
  await cap.fill('7,5');
  await cap.press('Enter');
  await expect.poll(() => param(page, 'monthcap')).toBe('7.5');
  await expect(card.getByText('Over kapaciteten (7,5)')).toBeVisible();
});

const exportRows = (seed: number) => workbookCells(exportText(generateRows({ seed, measures: 60 }), 'canonical'));

const INFO = [['Udtræk fra fagsystemet'], ['Dannet', '30-06-2025'], ['Antal rækker', 123]];

async function openWorkbook(page: Page, sheets: { sheet: string; data: unknown[][] }[]) {
  const xlsx = await writeExcelFile(sheets as never).toBuffer();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Åbn fil' }).click();
  await (await chooser).setFiles({ name: 'udtraek.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await expect(page.getByTestId('local-file')).toHaveText('Lokal fil: udtraek.xlsx');
}

test('a workbook with a data sheet and an information sheet opens without a question and says which sheet it read', async ({ page }) => {
  await page.goto('/?lang=da');
  await openWorkbook(page, [
    { sheet: 'Info', data: INFO },
    { sheet: 'Data', data: exportRows(21) },
  ]);
  await expect(page.getByRole('table', { name: /Opfølgninger efter status og enhed/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Hvilket ark indeholder udtrækket?' })).toHaveCount(0);
  await expect(page.getByTestId('validation-report')).toContainText(
    'Læst som et Excel-ark, “Data”, det eneste af projektmappens 2 ark med udtrækkets kolonner.',
  );
});

test('a workbook with two sheets that could be the export asks which, offering only those two', async ({ page }) => {
  await page.goto('/?lang=da');
  await openWorkbook(page, [
    { sheet: 'Info', data: INFO },
    { sheet: 'Januar', data: exportRows(22) },
    { sheet: 'Februar', data: exportRows(23) },
  ]);
  await expect(page.getByRole('heading', { name: 'Hvilket ark indeholder udtrækket?' })).toBeVisible({ timeout: 30_000 });
  const sheet = page.getByRole('combobox', { name: 'Ark' });
  await expect(sheet.locator('option')).toHaveText(['Januar', 'Februar']);
  await sheet.selectOption({ label: 'Februar' });
  await page.getByRole('button', { name: 'Læs dette ark' }).click();
  await expect(page.getByTestId('validation-report')).toContainText('Læst som et Excel-ark, “Februar”, valgt blandt projektmappens 3 ark.', {
    timeout: 30_000,
  });
});
