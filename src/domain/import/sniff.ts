/*
 * Small facts about a file before it is read: whether it is a workbook, and
 * a key for its header (to remember a column mapping by the header names
 * alone, never by any value of the file).
 */

/** Files above this size get a warning before they are read (reading takes a while and much memory). */
export const WARN_BYTES = 100 * 1024 * 1024;

/**
 * `xlsx` for a ZIP container (every .xlsx is one) or a name ending in .xlsx; else `text`.
 * @example fileFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'udtraek.xlsx') // 'xlsx'
 */
export function fileFormat(bytes: Uint8Array, name = ''): 'text' | 'xlsx' {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  return zip || /\.xlsx$/i.test(name) ? 'xlsx' : 'text';
}

/**
 * A short key for a header: the same names in the same order give the same key.
 * FNV-1a over the names; it need not be secret, only stable.
 * @example headerKey(['Sag', 'Team']) === headerKey(['Sag', 'Team']) // true
 */
export function headerKey(header: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = header.map((n) => n.trim().toLowerCase()).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${header.length}-${h.toString(36)}`;
}
