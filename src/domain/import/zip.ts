import { MAX_EXPORT_BYTES, megabytes } from './size.ts';
import { NotATableError } from './table.ts';

/*
 * A workbook (.xlsx) is a ZIP archive; a few kilobytes of it can inflate to
 * gigabytes and take the tab with them. Before a workbook is handed to the
 * XLSX reader, its central directory's declared sizes are added up, and
 * every part is inflated once, natively and without keeping the output, with
 * a running count against the size its directory declares: a part that
 * inflates to more than declared is refused there, so declared sizes
 * cannot lie. (The reader, fflate's unzip, allocates each part's declared
 * size and writes no further, so the declared total bounds its memory.)
 */

/**
 * The most a workbook's parts may inflate to, all together: its sheets' XML
 * is about three times the CSV of the same rows, so three times the text
 * limit (decision 23) opens every workbook a text export of that size
 * would, and keeps each part under the longest string a browser makes.
 */
export const MAX_WORKBOOK_BYTES = 3 * MAX_EXPORT_BYTES;

/** One file of a ZIP archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Its size once inflated. */
  size: number;
  /** Where its local header starts. */
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;
const FULL = 0xffffffff;

/**
 * The entries of a ZIP archive's central directory (ZIP64 too), read
 * exactly as the XLSX reader's unzip (fflate's `unzipSync`/`unzip`) reads
 * them: the same count field, the same 32-bit ZIP64 pointers, no
 * signature checked where it checks none. A check that read the archive
 * any other way could be shown one archive while the reader inflates
 * another. Null when there is no end record (not a ZIP: the reader says so).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // The end record is the last 22 bytes, or sits before a comment of up to 65,535.
  let end = bytes.length - 22;
  while (end > 0 && u32(bytes, end) !== 0x06054b50) {
    if (bytes.length - end > 65558) return null;
    end--;
  }
  if (end <= 0) return null;
  let count = u16(bytes, end + 8);
  let at = u32(bytes, end + 16);
  let zip64 = u32(bytes, end - 20) === 0x07064b50;
  if (zip64) {
    const record = u32(bytes, end - 12);
    zip64 = u32(bytes, record) === 0x06064b50;
    if (zip64) {
      count = u32(bytes, record + 32);
      at = u32(bytes, record + 48);
    }
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length) throw new NotATableError({ code: 'damaged-workbook', cell: null });
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const entry: ZipEntry = {
      name: String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    };
    if (zip64) readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

/** A ZIP64 extra field holds, in this order, each of size, compressed size and offset that reads 0xFFFFFFFF above. */
function readZip64Extra(bytes: Uint8Array, from: number, length: number, entry: ZipEntry): void {
  for (let at = from; at + 4 < from + length; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 1) continue;
    let field = at + 4;
    for (const key of ['size', 'compressedSize', 'offset'] as const) {
      if (entry[key] !== FULL) continue;
      entry[key] = u64(bytes, field);
      field += 8;
    }
    return;
  }
}

/**
 * Refuses a workbook whose parts inflate to more than `limit` bytes, from
 * its declared sizes, or whose part inflates to more than its declared size
 * (a damaged or forged archive), counted while inflating. Resolves when the
 * workbook may be read; an archive it cannot make out is left to the reader.
 * @example await checkWorkbookSize(bytes) // throws NotATableError({ code: 'workbook-too-large', … })
 */
export async function checkWorkbookSize(bytes: Uint8Array, limit = MAX_WORKBOOK_BYTES): Promise<void> {
  const entries = zipEntries(bytes);
  if (!entries) return;
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limit) {
    throw new NotATableError({ code: 'workbook-too-large', megabytes: megabytes(declared), limit: megabytes(limit) });
  }
  for (const entry of entries) {
    // Stored parts are their own size; another method the reader refuses itself.
    if (entry.method !== 8) continue;
    // Where the reader starts inflating: past the local header, whose signature it does not check either.
    const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
    if ((await inflatedSize(bytes.subarray(start, start + entry.compressedSize), entry.size)) > entry.size) {
      throw new NotATableError({ code: 'damaged-workbook', cell: null });
    }
  }
}

/** How many bytes `deflated` inflates to, counted up to one past `most`; a stream that cannot be inflated counts 0 (the reader reports it). */
async function inflatedSize(deflated: Uint8Array, most: number): Promise<number> {
  const reader = new Blob([deflated as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let count = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return count;
      count += value.byteLength;
      if (count > most) return count;
    }
  } catch {
    return 0;
  } finally {
    reader.cancel().catch(() => {});
  }
}
