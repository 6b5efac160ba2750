import type { Refusal } from '../reasons.ts';

/*
 * How large an export may be, in a module of its own: the page asks it of a
 * file before reading a byte, and needs none of the reader for that.
 */

/** Larger inputs are refused before reading: a file this size is not one municipality's export. */
export const MAX_EXPORT_BYTES = 160 * 1024 * 1024;

/** Bytes as megabytes for a refusal, rounded up: a file of 160.3 MB is not "160 MB" against a limit of 160. */
export const megabytes = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));

/**
 * The refusal of a file from its size alone (decision 23), or null when it
 * may be read: the page asks it of a file's `size` before reading a byte.
 * @example sizeRefusal(200 * 1024 * 1024) // { code: 'too-large', megabytes: 200, limit: 160 }
 */
export function sizeRefusal(bytes: number): Extract<Refusal, { code: 'too-large' }> | null {
  return bytes > MAX_EXPORT_BYTES ? { code: 'too-large', megabytes: megabytes(bytes), limit: megabytes(MAX_EXPORT_BYTES) } : null;
}
