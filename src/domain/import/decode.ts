/**
 * Turns the bytes of a file into text the way a person expects: UTF-8 when
 * the bytes are valid UTF-8 (with or without a byte-order mark), UTF-16 when
 * a UTF-16 byte-order mark says so (Excel's "Unicode text"), and otherwise
 * Windows-1252, which is what Danish Excel writes. The decoders are the
 * platform's own (WHATWG Encoding), in the browser and in Node alike.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** @example decodeText(new Uint8Array([0xe6, 0xf8, 0xe5])) // { text: 'æøå', encoding: 'windows-1252' } */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeWith('windows-1252', bytes);
  }
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
