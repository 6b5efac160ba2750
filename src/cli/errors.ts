/** A mistake in how the command was called (bad flag, missing file): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs one of the core's checks for a flag: its RangeError becomes a usage
 * error naming the flag, so the command line restates no rule of the core.
 * @example coreCheck('--lead-weeks', () => checkLead(30)) // throws: --lead-weeks: invalid lead …
 */
export function coreCheck<T>(flag: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}

/**
 * A message on one line, whatever the error carried, for stderr.
 * @example oneLine('no such\n  file') // 'no such file'
 */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
