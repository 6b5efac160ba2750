// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/svelte';
import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_EXPORT_BYTES, sizeRefusal } from '../../src/domain/import/read.ts';
import LocalArea from '../../src/app/import/LocalArea.svelte';
import { LocalImport } from '../../src/app/import/localFile.svelte.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { loadLazyParts } from './lazyParts.ts';

// The page fetches its views' code when first shown: loaded once here, so no test ends with a load on its way.
beforeAll(loadLazyParts, 60_000);

const MB = 1024 * 1024;

/** A file of `size` bytes that records whether anything read its bytes. */
function fileOf(name: string, size: number) {
  const read = vi.fn(async () => new ArrayBuffer(0));
  return { file: { name, size, arrayBuffer: read, stream: read, text: read, slice: read } as unknown as File, read };
}

afterEach(() => {
  locale.lang = 'en';
});

describe('a file over the size limit', () => {
  it('sizeRefusal refuses above 160 MB and lets 160 MB through', () => {
    expect(sizeRefusal(MAX_EXPORT_BYTES)).toBeNull();
    expect(sizeRefusal(MAX_EXPORT_BYTES + 1)).toEqual({ code: 'too-large', megabytes: 161, limit: 160 });
    expect(sizeRefusal(200 * MB)).toEqual({ code: 'too-large', megabytes: 200, limit: 160 });
  });

  it('is refused from its size, before a byte of it is read and without the large-file question', async () => {
    const local = new LocalImport();
    const { file, read } = fileOf('udtraek 0101901234.csv', 161 * MB);
    await local.open(file);
    expect(read).not.toHaveBeenCalled();
    expect(local.file).toBeNull();
    expect(local.pending).toBeNull();
    expect(local.refused).toEqual({ name: 'udtraek ••••••-••••.csv', refusal: { code: 'too-large', megabytes: 161, limit: 160 } });
  });

  it('is refused even when the person said to read a large file anyway', async () => {
    const local = new LocalImport();
    const { file, read } = fileOf('big.xlsx', 400 * MB);
    await local.open(file, true);
    expect(read).not.toHaveBeenCalled();
    expect(local.refused?.refusal).toMatchObject({ code: 'too-large', megabytes: 400 });
  });

  it('says so on the Danish page, in Danish, with the name masked', async () => {
    locale.lang = 'da';
    const local = new LocalImport();
    await local.open(fileOf('udtraek 0101901234.csv', 161 * MB).file);
    render(LocalArea, { local, url: {} as never, remembered: {} as never });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Filen udtraek ••••••-••••.csv blev ikke åbnet.');
    expect(alert).toHaveTextContent('Filen fylder 161 MB; Sagsflow læser udtræk på op til 160 MB.');
    expect(alert).not.toHaveTextContent('0101901234');
  });

  it('a file under the limit is still read', async () => {
    const local = new LocalImport();
    const { file, read } = fileOf('small.csv', 10);
    await local.open(file);
    expect(read).toHaveBeenCalledOnce();
    expect(local.refused).toBeNull();
  });
});
