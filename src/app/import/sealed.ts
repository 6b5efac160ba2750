/*
 * A remembered export as it is written to the browser's storage: sealed
 * with AES-GCM under a key of its own that the page cannot read out
 * (`extractable: false`). The key is stored beside what it seals, so the
 * file opens again after a reload; "Forget" deletes both, and the sealed
 * bytes that may linger in the browser's database files cannot be read
 * without it. Each write makes a new key and a fresh 96-bit IV per part.
 *
 * Shape: { version: 2, key, head: name and format as JSON, body: the file's bytes }.
 * The head is sealed apart so that the page can name what is remembered
 * without opening a file of 150 MB.
 */

export interface RememberedFile {
  name: string;
  bytes: Uint8Array;
  format: 'text' | 'xlsx';
}

export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export interface SealedExport {
  version: 2;
  key: CryptoKey;
  head: Sealed;
  body: Sealed;
}

const ALGORITHM = 'AES-GCM';

/** A new AES-GCM key of 256 bits that cannot be exported. */
export function newKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: ALGORITHM, length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, plain: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: ALGORITHM, iv }, key, plain) };
}

/** The plain bytes; rejects when the key is not the one sealed with or the data were altered. */
export async function unseal(key: CryptoKey, { iv, data }: Sealed): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: ALGORITHM, iv: iv as Uint8Array<ArrayBuffer> }, key, data));
}

export async function sealExport({ name, bytes, format }: RememberedFile): Promise<SealedExport> {
  const key = await newKey();
  const head = new TextEncoder().encode(JSON.stringify({ name, format }));
  return { version: 2, key, head: await seal(key, head), body: await seal(key, bytes as Uint8Array<ArrayBuffer>) };
}

async function openHead(sealed: SealedExport): Promise<Pick<RememberedFile, 'name' | 'format'>> {
  return JSON.parse(new TextDecoder().decode(await unseal(sealed.key, sealed.head)));
}

export async function openName(sealed: SealedExport): Promise<string> {
  return (await openHead(sealed)).name;
}

export async function openExport(sealed: SealedExport): Promise<RememberedFile> {
  const [head, bytes] = await Promise.all([openHead(sealed), unseal(sealed.key, sealed.body)]);
  return { ...head, bytes };
}

export function isSealed(record: unknown): record is SealedExport {
  return typeof record === 'object' && record !== null && (record as SealedExport).version === 2;
}

/** A record of the versions before 2: the file in the clear. */
export function isPlain(record: unknown): record is RememberedFile {
  return typeof record === 'object' && record !== null && (record as RememberedFile).bytes instanceof Uint8Array && !isSealed(record);
}
