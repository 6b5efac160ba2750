import { expect, test, type Page } from '@playwright/test';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';

/*
 * A local file's bytes live in the page only. Its address must say so: a
 * reload, or the link on another computer, asks for the file again (or
 * reopens it where this browser remembers it), and never shows the demo
 * export's numbers under the address of someone's own file.
 */

const NAME = 'udtraek 010190-1234.csv';
/** The name as the page shows it: a CPR number is never shown, in a file's name neither. */
const SHOWN = 'udtraek ••••••-••••.csv';
const fileBytes = (seed: number) => Buffer.from(exportText(generateRows({ seed, measures: 120 }), 'canonical'));

/** Opens a file with a button named “Åbn fil” (the header's, or the one `within` holds). */
async function openFile(page: Page, buffer: Buffer, within = page.locator('header')) {
  const chooser = page.waitForEvent('filechooser');
  await within.getByRole('button', { name: 'Åbn fil' }).click();
  await (await chooser).setFiles({ name: NAME, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('local-file')).toHaveText(`Lokal fil: ${SHOWN}`);
}

async function demoShown(page: Page) {
  await page.goto('/?lang=da');
  await expect(page.getByTestId('fact-rows')).toBeVisible({ timeout: 30_000 });
}

const rowsRead = (page: Page) => page.getByTestId('fact-rows').textContent();
const workload = (page: Page) => page.getByRole('region', { name: 'Opfølgninger med frist pr. enhed og måned' });

test('the address of a local file carries a mark of its bytes only, never its name or a CPR number', async ({ page }) => {
  await demoShown(page);
  await openFile(page, fileBytes(21));
  await expect(page).toHaveURL(/[?&]local=[0-9a-f]{8}(&|$)/);
  const address = decodeURIComponent(page.url());
  expect(address).not.toContain('010190');
  expect(address).not.toContain('udtraek');
  expect(await page.locator('body').innerText()).not.toContain('010190');
});

test('a reload of a local file’s view asks for the file again and shows no other export’s numbers until one is chosen', async ({ page }) => {
  await demoShown(page);
  const demoRows = await rowsRead(page);
  await openFile(page, fileBytes(21));
  await expect(page.getByTestId('fact-rows')).not.toHaveText(demoRows!, { timeout: 30_000 });
  const ownRows = await rowsRead(page);
  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Arbejdsbyrde' }).click();
  await expect(workload(page)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/[?&]view=heatmaps(&|$)/);

  await page.reload();
  const again = page.getByTestId('reopen');
  await expect(again.getByRole('heading', { name: 'Åbn filen igen' })).toBeVisible();
  await expect(again).toContainText('Adressen indeholder ingen sagsdata.');
  // The list of exports is there to choose from, and still no export's numbers are shown.
  await expect(page.getByRole('combobox', { name: 'Udtræk' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('fact-rows')).toHaveCount(0);
  await expect(workload(page)).toHaveCount(0);

  // Opened again, the file comes back in the view the address names.
  await openFile(page, fileBytes(21), again);
  await expect(workload(page)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Overblik' }).click();
  await expect(page.getByTestId('fact-rows')).toHaveText(ownRows!, { timeout: 30_000 });
});

test('a shared link to a local file asks for it on another computer, and the person may choose an export instead', async ({ page, browser }) => {
  await demoShown(page);
  await openFile(page, fileBytes(21));
  await expect(page).toHaveURL(/local=/);
  const link = page.url();

  const elsewhere = await (await browser.newContext({ locale: 'da-DK' })).newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByRole('heading', { name: 'Åbn filen igen' })).toBeVisible({ timeout: 30_000 });
  await expect(elsewhere.getByTestId('fact-rows')).toHaveCount(0);

  await elsewhere.getByRole('button', { name: 'Vis et udtræk fra listen i stedet' }).click();
  await expect(elsewhere.getByTestId('fact-rows')).toBeVisible({ timeout: 30_000 });
  expect(new URL(elsewhere.url()).searchParams.get('local')).toBeNull();
});

test('a reload reopens the file this browser remembers, and says so; a file it does not remember is asked for', async ({ page }) => {
  await demoShown(page);
  await openFile(page, fileBytes(21));
  const ownRows = await rowsRead(page);
  await page.getByRole('button', { name: 'Husk dette udtræk i denne browser' }).click();
  await expect(page.getByText('Husket i denne browser, indtil du trykker Glem.')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('reopened')).toHaveText('Filen var husket i denne browser og er åbnet igen.', { timeout: 30_000 });
  await expect(page.getByTestId('local-file')).toHaveText(`Lokal fil: ${SHOWN}`);
  await expect(page.getByTestId('fact-rows')).toHaveText(ownRows!, { timeout: 30_000 });

  // Another file of the same name is not the one remembered: it is asked for, and the remembered one offered by name.
  const remembered = new URL(page.url()).searchParams.get('local');
  await openFile(page, fileBytes(22));
  // The address names the file once the page has drawn it.
  await expect.poll(() => new URL(page.url()).searchParams.get('local')).not.toBe(remembered);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Åbn filen igen' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Husket i denne browser: ${SHOWN}`)).toBeVisible();
  await expect(page.getByTestId('fact-rows')).toHaveCount(0);
});
