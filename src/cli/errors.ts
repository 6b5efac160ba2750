/** A mistake in how the command was called (bad flag, missing file): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A message on one line, whatever the error carried, for stderr.
 * @example oneLine('no such\n  file') // 'no such file'
 */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
