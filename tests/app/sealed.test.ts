import { describe, expect, it } from 'vitest';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';
import { isPlain, isSealed, openExport, openName, seal, sealExport, unseal } from '../../src/app/import/sealed.ts';

/*
 * The sealing of a remembered export, under Node's Web Crypto (the same
 * `crypto.subtle` as the browser's). What is stored must hold nothing of
 * the file in the clear, and must open only with its own key.
 */

const text = exportText(generateRows({ seed: 3, measures: 30 }), 'canonical');
const file = { name: 'udtraek-amager.csv', bytes: new TextEncoder().encode(text), format: 'text' as const };
const unit = text.split('\n')[1]!.split(',')[2]!;

/** Whether `needle` occurs in `haystack`, byte for byte. */
function contains(haystack: ArrayBuffer | Uint8Array, needle: string): boolean {
  const hay = Buffer.from(haystack instanceof Uint8Array ? haystack : new Uint8Array(haystack));
  return hay.includes(Buffer.from(needle));
}

describe('a sealed export', () => {
  it('opens again to the same name, format and bytes', async () => {
    const sealed = await sealExport(file);
    expect(await openExport(sealed)).toEqual(file);
    expect(await openName(sealed)).toBe(file.name);
  });

  it('holds neither the file name nor any value of the file in the clear', async () => {
    expect(unit.length).toBeGreaterThan(2);
    expect(contains(file.bytes, unit)).toBe(true);
    const sealed = await sealExport(file);
    for (const part of [sealed.head, sealed.body]) {
      expect(contains(part.data, unit)).toBe(false);
      expect(contains(part.data, 'udtraek')).toBe(false);
      expect(contains(part.data, 'case_id')).toBe(false);
    }
    expect(isSealed(sealed)).toBe(true);
    expect(isPlain(sealed)).toBe(false);
    expect(isPlain(file)).toBe(true);
  });

  it('is sealed under an AES-GCM key that cannot be read out of the page', async () => {
    const { key } = await sealExport(file);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('takes a fresh IV for every write, and a new key for every file remembered', async () => {
    const a = await sealExport(file);
    const b = await sealExport(file);
    expect(a.key).not.toBe(b.key);
    const ivs = new Set([a.head.iv, a.body.iv, b.head.iv, b.body.iv].map((iv) => Buffer.from(iv).toString('hex')));
    expect(ivs.size).toBe(4);
    expect(a.body.iv).toHaveLength(12);
    expect(Buffer.from(a.body.data).equals(Buffer.from(b.body.data))).toBe(false);
    const again = await seal(a.key, file.bytes);
    expect(Buffer.from(again.iv).equals(Buffer.from(a.body.iv))).toBe(false);
  });

  it('cannot be opened without its own key, nor once altered', async () => {
    const a = await sealExport(file);
    const b = await sealExport(file);
    await expect(unseal(b.key, a.body)).rejects.toThrow();
    const altered = new Uint8Array(a.body.data.slice(0));
    altered[5]! ^= 1;
    await expect(unseal(a.key, { iv: a.body.iv, data: altered.buffer })).rejects.toThrow();
  });
});
