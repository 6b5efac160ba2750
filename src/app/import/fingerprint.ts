/**
 * A short mark of a file's bytes for the address (`?local=…`): enough to
 * tell on a reload whether the file remembered in this browser is the one
 * the link was made with, and nothing of what the file holds (32 bits of a
 * hash cannot give back a name, a case or a CPR number).
 *
 * MurmurHash3's 32-bit mixing, four bytes at a time: it runs in the page
 * when a file is opened, and byte by byte it held an 80 MB file's page for
 * a tenth of a second. Words are read in the platform's byte order, little
 * endian wherever a browser runs.
 * @example fingerprint(new TextEncoder().encode('a')) // '3c2569b2'
 */
export function fingerprint(bytes: Uint8Array): string {
  const words = bytes.byteLength >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, words * 4);
  const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
  let h = bytes.byteLength | 0;
  for (let i = 0; i < words; i++) h = mixHash(h, view[i]!);
  let tail = 0;
  for (let i = words * 4; i < bytes.byteLength; i++) tail |= bytes[i]! << (8 * (i - words * 4));
  if (bytes.byteLength % 4 !== 0) h ^= mixWord(tail);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, '0');
}

function mixWord(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

function mixHash(h: number, k: number): number {
  h ^= mixWord(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
