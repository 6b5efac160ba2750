import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { NotATableError } from '../../src/domain/import/table.ts';
import { checkWorkbookSize, MAX_WORKBOOK_BYTES, zipEntries } from '../../src/domain/import/zip.ts';
import { withDeclaredSize, workbook, zerosDeflated, zipOf } from './zipBomb.ts';

const MB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';
const ROWS = [
  ['case_id', 'measure_id', 'unit', 'event', 'date'],
  ['S1', 'F1', 'Valby', 'measure_start', '2025-01-06'],
];

/** The refusal `promise` rejects with, or null when it resolves. */
async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof NotATableError) return error.refusal;
    throw error;
  }
}

describe('a workbook that inflates too far', () => {
  it('zipEntries reads what the central directory declares', () => {
    const deflated = zerosDeflated(4);
    const bomb = zipOf([{ name: SHEET, deflated, declared: 4 * MB }]);
    expect(zipEntries(bomb)).toEqual([{ name: SHEET, method: 8, compressedSize: deflated.length, size: 4 * MB, offset: 0 }]);
    expect(zipEntries(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('an ordinary workbook passes, and the reader reads it', async () => {
    const bytes = workbook(ROWS);
    await expect(checkWorkbookSize(bytes)).resolves.toBeUndefined();
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets[0]?.data).toEqual(ROWS);
  });

  it('a sheet of 1 GB of zeros (a file of about 1 MB) is refused from its declared size, before inflating', async () => {
    const bomb = zipOf([{ name: SHEET, deflated: zerosDeflated(1024), declared: 1024 * MB }]);
    expect(bomb.length).toBeLessThan(2 * MB);
    const started = performance.now();
    expect(await refusalOf(checkWorkbookSize(bomb))).toEqual({ code: 'workbook-too-large', megabytes: 1024, limit: 480 });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('parts are added up: many parts just under the limit each are refused together', async () => {
    const part = zerosDeflated(1);
    const parts = Array.from({ length: 500 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated: part, declared: MB }));
    expect(await refusalOf(checkWorkbookSize(zipOf(parts)))).toMatchObject({ code: 'workbook-too-large', megabytes: 500 });
  });

  it('a part that declares 1 KB and inflates to 1 GB is refused by the running count, without inflating it all', async () => {
    const liar = zipOf([{ name: SHEET, deflated: zerosDeflated(1024), declared: 1024 }]);
    const started = performance.now();
    expect(await refusalOf(checkWorkbookSize(liar))).toEqual({ code: 'damaged-workbook', cell: null });
    // Inflating all of it takes seconds; the count stops at the first chunk past 1 KB.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("a real workbook whose sheet declares less than it holds is refused as damaged", async () => {
    const liar = withDeclaredSize(workbook(ROWS), SHEET, 10);
    expect(zipEntries(liar)!.find((e) => e.name === SHEET)!.size).toBe(10);
    expect(await refusalOf(checkWorkbookSize(liar))).toEqual({ code: 'damaged-workbook', cell: null });
  });

  it('reads the archive as the reader does: a forged second count or broken signatures do not hide a bomb', async () => {
    const bomb = () => zipOf([{ name: SHEET, deflated: zerosDeflated(600), declared: 600 * MB }]);
    const at = (zip: Uint8Array, signature: number) => {
      for (let i = zip.length - 4; i >= 0; i--) if (new DataView(zip.buffer, zip.byteOffset).getUint32(i, true) === signature) return i;
      throw new Error('no such record');
    };
    // The end record's "total entries" says none; its "entries on this disk", which the reader uses, says one.
    const counted = bomb();
    counted.fill(0, at(counted, 0x06054b50) + 10, at(counted, 0x06054b50) + 12);
    // The central and the local header's signatures, which the reader never checks, are wiped.
    const unsigned = bomb();
    unsigned.fill(0, at(unsigned, 0x02014b50), at(unsigned, 0x02014b50) + 4);
    unsigned.fill(0, 0, 4);
    for (const forged of [counted, unsigned]) {
      expect(await refusalOf(checkWorkbookSize(forged))).toEqual({ code: 'workbook-too-large', megabytes: 600, limit: 480 });
    }
  });

  it('the limit is three times the text limit, and a smaller one can be asked for', async () => {
    expect(MAX_WORKBOOK_BYTES).toBe(480 * MB);
    const bomb = zipOf([{ name: SHEET, deflated: zerosDeflated(2), declared: 2 * MB }]);
    await expect(checkWorkbookSize(bomb)).resolves.toBeUndefined();
    expect(await refusalOf(checkWorkbookSize(bomb, MB))).toEqual({ code: 'workbook-too-large', megabytes: 2, limit: 1 });
  });

  it('a file that is not a ZIP archive is left to the reader', async () => {
    await expect(checkWorkbookSize(new TextEncoder().encode('case_id;unit\n'))).resolves.toBeUndefined();
  });
});
