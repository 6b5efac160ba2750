import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/*
 * A chart saved as a picture goes into a report or onto a slide as it is:
 * it carries its title, legend, as-of date and source, so it is taller
 * than the chart alone.
 */

async function save(page: Page, card: Locator, button: RegExp): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: button }).click();
  return readFileSync((await (await download).path())!);
}

test('a saved PNG and SVG of the weekly load carry the title, the legend, the as-of date and the file, above the chart', async ({ page }) => {
  await page.goto('/?view=levelling&levelcap=20');
  const card = page.getByRole('region', { name: /^Weekly load/ });
  const chart = card.locator('svg.chart');
  await expect(chart).toBeVisible({ timeout: 30_000 });
  const bare = Number(await chart.getAttribute('height'));

  const png = await save(page, card, /PNG/);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20; the picture is drawn at twice its size.
  const height = png.readUInt32BE(20) / 2;
  expect(height).toBeGreaterThan(bare + 40);

  const svg = (await save(page, card, /SVG/)).toString('utf8');
  const texts = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
  }, svg);
  expect(texts[0]).toMatch(/^Weekly load, next 26 weeks: /);
  expect(texts.some((t) => /^As of \d{1,2} \w+ \d{4}\. Source: demo\.csv\.$/.test(t))).toBe(true);
  for (const entry of ['As due', 'Lower bound', 'Capacity']) expect(texts.some((t) => t.startsWith(entry))).toBe(true);
});
