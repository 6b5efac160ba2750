import { readFileSync } from 'node:fs';
import { UsageError } from './errors.ts';

/**
 * The bytes of a file, or a UsageError that says why it cannot be read.
 * @example readFileBytes('exports/amager.csv').length
 */
export function readFileBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'it is a directory, not a file'
      : code === 'EACCES' ? 'permission denied'
      : (error as Error).message;
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}
