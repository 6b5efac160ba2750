import { expect, test, type Page } from '@playwright/test';

/*
 * The "as registered" switch (SPEC §1, §5: technical follow-ups count only
 * when the person asks): every view is drawn again with them counted as
 * done, the page says so plainly, and the address keeps it.
 */

/** "1.234" (Danish) or "1,234" (English) as a number. */
const count = (text: string | null) => Number((text ?? '').replace(/[.,\s\u00a0]/g, ''));

/** Follow-ups done (on time and late) per unit, as the status table shows them. */
async function doneByUnit(page: Page): Promise<Map<string, number>> {
  const table = page.getByRole('table', { name: /^Opfølgninger efter status/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const out = new Map<string, number>();
  for (const row of await table.locator('tbody tr').all()) {
    const unit = (await row.getByRole('rowheader').textContent())!.trim();
    const cells = (await row.getByRole('cell').allTextContents()).map(count);
    out.set(unit, cells[0]! + cells[1]!);
  }
  return out;
}

test('as registered, technical follow-ups count as done in every view, the page says so, and a reload keeps it', async ({ page }) => {
  await page.goto('/?lang=da');
  const real = await doneByUnit(page);
  await expect(page.getByTestId('registered-notice')).toHaveCount(0);

  const toggle = page.getByRole('banner').getByRole('button', { name: 'Som registreret' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page).toHaveURL(/registered=1/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('registered-notice')).toContainText('Tallene er ikke de virkelige');

  await expect.poll(async () => [...(await doneByUnit(page)).values()].reduce((a, b) => a + b, 0), { timeout: 30_000 })
    .toBeGreaterThan([...real.values()].reduce((a, b) => a + b, 0));
  const registered = await doneByUnit(page);
  for (const [unit, done] of real) expect(registered.get(unit)!).toBeGreaterThanOrEqual(done);

  // Another view, and a reload: still as registered, and still said.
  await page.getByRole('navigation').getByRole('link', { name: 'Udjævning' }).click();
  await expect(page.getByTestId('registered-notice')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('registered-notice')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: /^Nøgletal:/ })).toBeVisible({ timeout: 30_000 });

  // Back to the real figures.
  await page.getByRole('button', { name: 'Vis de virkelige tal' }).click();
  await expect(page).not.toHaveURL(/registered=/);
  await expect(page.getByTestId('registered-notice')).toHaveCount(0);
});
