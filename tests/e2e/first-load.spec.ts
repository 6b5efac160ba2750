import { expect, test, type Page } from '@playwright/test';

/*
 * What the first load costs a person: the code of the first screen and of
 * the view they see, no other view's; nothing on the page moving while the
 * demo is fetched and analysed; and no export fetched for a view that does
 * not show one.
 */

/** The chunks of the views a first load of the overview must not fetch (named after their module by the bundler). */
const OTHER_VIEWS = ['FlowView', 'HeatmapsView', 'LevellingView', 'BoardView', 'BalanceView', 'RegistrationView', 'TeachingView', 'LocalArea'];

/** The file names of the scripts the page fetches, as they are asked for. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').at(-1) ?? '');
  });
  return scripts;
}

const chunksOf = (scripts: readonly string[], view: string) => scripts.filter((s) => s.startsWith(`${view}-`));

const statusTable = (page: Page) => page.getByRole('table', { name: /^Follow-ups by status/ });

test('the first load of the overview fetches no other view’s code; a view’s code comes when it is opened', async ({ page }) => {
  const scripts = scriptsOf(page);
  await page.goto('/');
  await expect(statusTable(page)).toBeVisible({ timeout: 30_000 });
  for (const view of OTHER_VIEWS) expect(chunksOf(scripts, view), `${view} was fetched with the overview`).toEqual([]);
  // Papa Parse writes the CSV downloads: it comes with the first download, not with the page.
  expect(scripts.filter((s) => s.startsWith('papaparse'))).toEqual([]);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Flow' }).click();
  await expect(page.getByRole('region', { name: 'Cumulative flow, all units' })).toBeVisible({ timeout: 30_000 });
  expect(chunksOf(scripts, 'FlowView')).toHaveLength(1);
});

/** The layout shifts since the page started (CLS's entries), read in the page. */
async function layoutShifts(page: Page): Promise<{ value: number; nodes: string[] }[]> {
  return page.evaluate(() => (window as unknown as { shifts: { value: number; nodes: string[] }[] }).shifts);
}

for (const [device, viewport] of [
  ['a phone', { width: 412, height: 823 }],
  ['a laptop', { width: 1366, height: 768 }],
] as const) {
  test.describe(`on ${device}`, () => {
    test.use({ viewport });

    test('nothing moves while the demo is fetched and analysed', async ({ page }) => {
      await page.addInitScript(() => {
        const shifts: { value: number; nodes: string[] }[] = [];
        (window as unknown as { shifts: typeof shifts }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
            if (!entry.hadRecentInput) shifts.push({ value: entry.value, nodes: entry.sources.map((s) => (s.node as Element | undefined)?.outerHTML.slice(0, 80) ?? '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/');
      await expect(statusTable(page)).toBeVisible({ timeout: 30_000 });
      // Two frames after the overview is drawn, so a shift it caused has been reported.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await layoutShifts(page)).toEqual([]);
    });
  });
}

test('the teaching view fetches no export: it makes its own data', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => void fetched.push(new URL(request.url()).pathname));
  await page.goto('/?view=teaching');
  await expect(page.locator('.stage[aria-busy="false"] svg.chart').first()).toBeVisible({ timeout: 60_000 });
  expect(fetched.filter((path) => path.endsWith('.csv') || path.endsWith('.xlsx'))).toEqual([]);
  expect(fetched.filter((path) => path.includes('analyze.worker'))).toEqual([]);
});
