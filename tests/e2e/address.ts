import type { Page } from '@playwright/test';

/**
 * The page's address once it has followed the page: written after the
 * change's second frame, and at the latest 250 ms after the change. What
 * must stay out of the address is checked here, not before it is written.
 */
export async function settledUrl(page: Page): Promise<URL> {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  return new URL(page.url());
}
