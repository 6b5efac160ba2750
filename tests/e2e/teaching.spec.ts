import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/*
 * The teaching view on a projector's screen (1280 × 720), in Danish: it
 * makes its own data, so these tests need no export.
 */

test.use({ viewport: { width: 1280, height: 720 } });

/** The scenario's weeks are made in a worker: the first chart can take a while on a busy machine. */
const READY = { timeout: 60_000 };

/** The stage is drawn and no frames are being made (a chart of earlier frames may stand while new ones are). */
async function ready(page: Page) {
  await expect(page.locator('.stage[aria-busy="false"] svg.chart').first()).toBeVisible(READY);
}

async function openTeaching(page: Page, search = '') {
  await page.goto(`/?view=teaching&lang=da${search}`);
  await ready(page);
}

/** Takes the focus off any control, as a trainer clicking the page does. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const asOf = (page: Page) => page.locator('output.as-of');
const figures = (page: Page) => page.getByRole('region', { name: /^Tal pr\./ });

test('at 1280 × 720 in Danish: choose a scenario, play, pause, step a week, and a reload shows the same frame', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await openTeaching(page);
  await expect(page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Undervisning' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('combobox', { name: 'Scenarie' }).selectOption({ label: 'Augustspidsen' });
  await expect(page).toHaveURL(/scenario=august/);
  await expect(page.getByRole('heading', { name: /^Augustspidsen/ })).toBeVisible();
  await ready(page);
  const chart = page.locator('.stage svg.chart').first();

  // The chart is whole on the first screen, and fills most of what is left of it.
  const box = (await chart.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  expect(box.height).toBeGreaterThan(250);
  expect(box.width).toBeGreaterThan(800);
  // Every text of the chart is at least 16 px.
  const sizes = await chart.locator('text').evaluateAll((texts) => texts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
  expect(sizes.length).toBeGreaterThan(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);

  const start = await asOf(page).textContent();
  await page.getByRole('button', { name: 'Afspil' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(asOf(page)).not.toHaveText(start ?? '');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Afspil' })).toBeVisible();
  await expect(page).toHaveURL(/tat=\d{4}-\d{2}-\d{2}/);
  const paused = new URL(page.url()).searchParams.get('tat')!;

  // One week on with the arrow key (the focus on no field), and the address follows.
  await blur(page);
  await page.keyboard.press('ArrowRight');
  const next = new Date(Date.parse(`${paused}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(page).toHaveURL(new RegExp(`tat=${next}`));
  const shown = await asOf(page).textContent();
  const numbers = await figures(page).textContent();

  await page.reload();
  await ready(page);
  await expect(asOf(page)).toHaveText(shown ?? '');
  await expect(figures(page)).toHaveText(numbers ?? '');
  await expect(page.getByRole('combobox', { name: 'Scenarie' })).toHaveValue('august');

  expect(problems, 'console errors or warnings, e.g. CSP violations').toEqual([]);
});

test('a lesson step sets the controls through the address, so its link reopens it exactly', async ({ page }) => {
  await openTeaching(page, '&scenario=august');
  await page.getByRole('button', { name: 'Start lektionen' }).click();
  await expect(page).toHaveURL(/tstep=1/);
  await expect(page.getByRole('heading', { name: /Trin 1 af 5: Se spidsen/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Varmekort' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('button', { name: 'Næste' }).click();
  await expect(page.getByRole('heading', { name: /Trin 3 af 5: Start 4 uger før/ })).toBeVisible();
  await expect(page).toHaveURL(/tshow=load/);
  await expect(page).toHaveURL(/tvs=policy/);
  // Side by side: the two policies, each named over its chart, on the same scale.
  await expect(page.getByRole('heading', { name: 'Forskudt', level: 3 })).toBeVisible(READY);
  await expect(page.getByRole('heading', { name: 'Ved frist', level: 3 })).toBeVisible();
  const yTicks = await page.locator('.stage svg.chart').evaluateAll((svgs) =>
    svgs.map((s) => [...s.querySelectorAll('text[text-anchor="end"][x="-8"]')].map((t) => t.textContent)),
  );
  expect(yTicks).toHaveLength(2);
  expect(yTicks[0]!.length).toBeGreaterThan(2);
  expect(yTicks[1]).toEqual(yTicks[0]);
  const link = page.url();

  await page.goto('/?view=teaching&lang=da');
  await page.goto(link);
  await ready(page);
  await expect(page.getByRole('heading', { name: /Trin 3 af 5: Start 4 uger før/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ugebelastning' })).toHaveAttribute('aria-pressed', 'true');
  await expect(asOf(page)).toHaveText('26. oktober 2025');
  await page.getByRole('button', { name: 'Tilbage', exact: true }).click();
  await expect(page).toHaveURL(/tstep=2/);
  await expect(page).not.toHaveURL(/tvs=/);
});

test('the shortcuts are listed, play and pause with Space, and leave a focused list alone', async ({ page }) => {
  await openTeaching(page, '&tat=2025-09-07');
  await expect(page.getByRole('heading', { name: 'Tastaturgenveje' })).toBeAttached();
  await expect(page.getByText('Mellemrum: afspil eller pause')).toBeAttached();

  await page.getByRole('combobox', { name: 'Hastighed' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/tat=2025-09-07/);
  await expect(asOf(page)).toHaveText('7. september 2025');

  await blur(page);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(asOf(page)).not.toHaveText('7. september 2025');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Afspil' })).toBeVisible();
  await expect(page).not.toHaveURL(/tat=2025-09-07/);
});

test('full screen puts the view alone on the screen, and F takes it back', async ({ page }) => {
  await openTeaching(page);
  const button = page.getByRole('button', { name: 'Fuld skærm' });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.fullscreenElement?.classList.contains('teaching'))).toBe(true);
  await blur(page);
  await page.keyboard.press('f');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
});

test('the teaching view speaks English too', async ({ page }) => {
  await page.goto('/?view=teaching&lang=en&scenario=echo&tshow=heat');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('echo');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Due per unit and month' })).toBeVisible(READY);
  await expect(page.getByText(/Amager has built up a backlog/)).toBeVisible();
});

test('the teaching view has no detectable accessibility violations, its settings open and two panels side by side', async ({ page }) => {
  await openTeaching(page, '&scenario=behind&tshow=load&tvs=lead&tunit=Valby');
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await expect(page.getByRole('textbox', { name: 'Antal foranstaltninger' })).toBeVisible();
  await ready(page);
  await expect(page.locator('.stage svg.chart')).toHaveCount(2);
  const results = await new AxeBuilder({ page }).include('.teaching').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  // Every word on the Danish page is Danish.
  await expect(page.locator('.teaching')).not.toContainText(/\b(Play|Settings|Scenario|Weekly load)\b/);
});

test('teaching is in the navigation beside a loaded export, and choosing an export there shows that export', async ({ page }) => {
  await page.goto('/?lang=da');
  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Undervisning' }).click();
  await expect(page).toHaveURL(/view=teaching/);
  await ready(page);
  await page.getByRole('combobox', { name: 'Udtræk' }).selectOption({ index: 1 });
  await expect(page).not.toHaveURL(/view=teaching/);
  await expect(page.getByRole('table', { name: /Opfølgninger efter status og enhed/ })).toBeVisible(READY);
});
