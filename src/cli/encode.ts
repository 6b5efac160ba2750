import iconv from 'iconv-lite';
import type { Variant } from '../domain/generate/index.ts';

/*
 * Text to the bytes of a file. Kept out of the domain: iconv-lite relies
 * on Node's Buffer, and the domain must also run in the browser, where
 * only the CLI-written demo files are needed, never the encoder.
 */

/**
 * Encodes export text as UTF-8 or Windows-1252 bytes. Throws rather than
 * writing `?` for a character Windows-1252 cannot hold.
 * @example encodeText('Brønshøj', 'windows-1252').length // 8
 */
export function encodeText(text: string, encoding: Variant['encoding']): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes = iconv.encode(text, 'win1252');
  if (iconv.decode(bytes, 'win1252') !== text) {
    throw new Error('the text has characters that Windows-1252 cannot encode');
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
