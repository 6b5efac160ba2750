import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';

/*
 * A remembered export is stored sealed (AES-GCM, a key the page cannot
 * read out), and Forget deletes it with its key. Checked twice: in
 * IndexedDB as the page sees it, and in the browser's own files on disk,
 * where a deleted record can linger in the database's log.
 */

const text = exportText(generateRows({ seed: 11, measures: 40 }), 'canonical');
const firstRow = text.split('\n')[1]!.split(',');
/** Values of the file that must not be found in the clear: a case id, a unit, a caseworker, a whole line. */
const secrets = [firstRow[0]!, firstRow[2]!, firstRow[3]!, text.split('\n')[2]!];

interface Stored {
  count: number;
  extractable?: boolean;
  algorithm?: string;
  exportRefused?: boolean;
  /** Every binary part of the record, as bytes; every string in it. */
  bytes: number[];
  strings: string[];
}

/** The record of the remembered export as IndexedDB holds it. */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('sagsflow', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('remembered');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const store = db.transaction('remembered').objectStore('remembered');
    const [count, record] = await Promise.all([get(store.count()), get(store.get('export'))]);
    db.close();
    const bytes: number[] = [];
    const strings: string[] = [];
    let key: CryptoKey | undefined;
    const walk = (value: unknown): void => {
      if (value instanceof CryptoKey) key = value;
      else if (value instanceof ArrayBuffer) bytes.push(...new Uint8Array(value));
      else if (ArrayBuffer.isView(value)) bytes.push(...new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      else if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(record);
    if (!key) return { count, bytes, strings };
    const exportRefused = await crypto.subtle.exportKey('raw', key).then(() => false, () => true);
    return { count, extractable: key.extractable, algorithm: key.algorithm.name, exportRefused, bytes, strings };
  });
}

function holdsNoSecret({ bytes, strings }: Stored) {
  const buffer = Buffer.from(bytes);
  for (const secret of [...secrets, 'kept.csv']) {
    expect(buffer.includes(Buffer.from(secret)), `"${secret}" in the stored bytes`).toBe(false);
    expect(strings.some((s) => s.includes(secret)), `"${secret}" in a stored string`).toBe(false);
  }
}

/** Every file under `dir`, read whole. */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path)];
  });
}

async function openFile(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles({ name: 'kept.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('local-file')).toHaveText('Local file: kept.csv');
  await expect(page.getByRole('table').first()).toBeVisible({ timeout: 30_000 });
}

test('a remembered export is stored sealed under a key that cannot be read out; a reload opens it, Forget deletes both', async ({ page }) => {
  await page.goto('/');
  await openFile(page);
  expect((await stored(page)).count).toBe(0);

  await page.getByRole('button', { name: 'Remember this export in this browser' }).click();
  await expect(page.getByText('Remembered in this browser until you press Forget.')).toBeVisible();
  const kept = await stored(page);
  expect(kept.count).toBe(1);
  expect(kept).toMatchObject({ extractable: false, algorithm: 'AES-GCM', exportRefused: true });
  expect(kept.bytes.length).toBeGreaterThan(text.length);
  holdsNoSecret(kept);

  // Not forgotten: a reload of the file's address opens it again, and a plain address names it.
  await page.reload();
  await expect(page.getByTestId('reopened')).toHaveText('The file was remembered in this browser and has been opened again.', { timeout: 30_000 });
  await page.goto('/');
  await expect(page.getByText('Remembered in this browser: kept.csv')).toBeVisible();

  await page.getByRole('button', { name: 'Forget' }).click();
  await expect(page.getByText(/Remembered in this browser/)).toHaveCount(0);
  expect(await stored(page)).toEqual({ count: 0, bytes: [], strings: [] });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open file' }).first()).toBeVisible();
  await expect(page.getByText(/Remembered in this browser/)).toHaveCount(0);
});

test('an export remembered in the clear by the version before is sealed in its place when first read', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(async (body) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('sagsflow', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('remembered');
      open.onsuccess = () => resolve(open.result);
    });
    const put = db.transaction('remembered', 'readwrite').objectStore('remembered').put({ name: 'kept.csv', bytes: new TextEncoder().encode(body), format: 'text' }, 'export');
    await new Promise((resolve) => (put.onsuccess = resolve));
    db.close();
  }, text);
  await page.reload();
  await expect(page.getByText('Remembered in this browser: kept.csv')).toBeVisible();
  const sealed = await stored(page);
  expect(sealed).toMatchObject({ count: 1, extractable: false, algorithm: 'AES-GCM' });
  holdsNoSecret(sealed);
  await page.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByTestId('local-file')).toHaveText('Local file: kept.csv');
  await expect(page.getByRole('table', { name: /Follow-ups by status and unit/ })).toBeVisible({ timeout: 30_000 });
});

test('no value of the file is in the clear in the browser profile\'s IndexedDB files while it is remembered, across a restart, nor after Forget', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sagsflow-profile-'));
  const { launchOptions } = config.projects![0]!.use!;
  /** Runs `steps` in a browser on the profile, then closes it, so that its files are written. */
  const inBrowser = async (steps: (page: Page) => Promise<void>) => {
    const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: config.use!.baseURL, locale: 'en-GB' });
    try {
      await steps(await context.newPage());
    } finally {
      await context.close();
    }
  };
  const inTheClear = () => {
    const files = filesUnder(join(profile, 'Default', 'IndexedDB'));
    expect(files.length).toBeGreaterThan(0);
    return secrets.filter((secret) => files.some((bytes) => bytes.includes(Buffer.from(secret))));
  };
  try {
    await inBrowser(async (page) => {
      await page.goto('/');
      await openFile(page);
      await page.getByRole('button', { name: 'Remember this export in this browser' }).click();
      await expect(page.getByText('Remembered in this browser until you press Forget.')).toBeVisible();
    });
    expect(inTheClear()).toEqual([]);
    await inBrowser(async (page) => {
      // The key outlives the browser: the export opens again after a restart.
      await page.goto('/');
      await expect(page.getByText('Remembered in this browser: kept.csv')).toBeVisible();
      await page.getByRole('button', { name: 'Open it' }).click();
      await expect(page.getByRole('table', { name: /Follow-ups by status and unit/ })).toBeVisible({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Forget' }).click();
      await expect(page.getByRole('button', { name: 'Remember this export in this browser' })).toBeVisible();
    });
    expect(inTheClear()).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
