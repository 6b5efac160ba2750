import { constants, deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';

/*
 * Hostile workbooks, made in a few milliseconds: a sheet of zeros that
 * inflates to gigabytes from a file of a few hundred kilobytes, and
 * archives whose directory lies about the sizes.
 */

const MB = 1024 * 1024;

/**
 * Raw DEFLATE of `megabytes` MB of zeros: one flushed, byte-aligned block
 * of 1 MB of zeros repeated (its back-references reach only zeros), then an
 * empty final block. About 1 KB per MB.
 */
export function zerosDeflated(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const out = new Uint8Array(block.length * megabytes + 2);
  for (let i = 0; i < megabytes; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * megabytes);
  return out;
}

/** A ZIP archive of deflated parts, each with the size its directory declares (CRCs left 0: nothing checks one before inflating). */
export function zipOf(parts: { name: string; deflated: Uint8Array; declared: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, deflated, declared } of parts) {
    const file = new TextEncoder().encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, deflated.length, true);
    local.setUint32(22, declared, true);
    local.setUint16(26, file.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, 8, true);
    entry.setUint32(20, deflated.length, true);
    entry.setUint32(24, declared, true);
    entry.setUint16(28, file.length, true);
    entry.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), file, deflated);
    central.push(new Uint8Array(entry.buffer), file);
    offset += 30 + file.length + deflated.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) (out.set(c, at), (at += c.length));
  return out;
}

/** The smallest workbook read-excel-file reads: one sheet, `rows` as inline strings. */
export function workbook(rows: string[][]): Uint8Array {
  const cell = (v: string, c: number, r: number) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const sheet = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, c, r + 1)).join('')}</row>`).join('');
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    '[Content_Types].xml': text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    '_rels/.rels': text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': text(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`),
  });
}

/** `zip` with the declared size of its part `name` set to `declared`, in the central directory and the local header. */
export function withDeclaredSize(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const file = new TextEncoder().encode(name);
  const named = (at: number) => file.every((b, i) => out[at + i] === b);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 && view.getUint16(at + 26, true) === file.length && named(at + 30)) view.setUint32(at + 22, declared, true);
    if (sig === 0x02014b50 && view.getUint16(at + 28, true) === file.length && named(at + 46)) view.setUint32(at + 24, declared, true);
  }
  return out;
}
