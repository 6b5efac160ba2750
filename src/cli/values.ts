import { readDecimal } from '../domain/balance/fte.ts';
import { FIRST_YEAR, LAST_YEAR, parseDate } from '../domain/import/dates.ts';
import type { IsoDate } from '../domain/types.ts';
import { UsageError } from './errors.ts';

/*
 * Flag values, checked at the edge with messages that say what to type.
 * Each returns undefined when the flag was not given, so the core's own
 * defaults apply: the CLI never restates a rule's default.
 */

/**
 * A real calendar date written `YYYY-MM-DD`, in the years the core reads.
 * @example isoDateFlag('as-of', '2025-06-30') // '2025-06-30'
 */
export function isoDateFlag(name: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDate(value) !== value) {
    throw new UsageError(`invalid --${name}: "${value}" (use a real date as YYYY-MM-DD, years ${FIRST_YEAR}–${LAST_YEAR})`);
  }
  return value;
}

/**
 * A whole number, at least `min`.
 * @example integerFlag('horizon-months', '12', 6) // 12
 */
export function integerFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`invalid --${name}: "${value}" (use a whole number, at least ${min})`);
  }
  return n;
}

/**
 * A number from 0, with or without decimals (`0.5`; `0,5` is read too).
 * @example decimalFlag('case-weight', '0.5') // 0.5
 */
export function decimalFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = readDecimal(value);
  if (n === null) throw new UsageError(`invalid --${name}: "${value}" (use a number from 0, e.g. 0.5)`);
  return n;
}

/**
 * A share from 0 to 1, as a decimal fraction; `example` shows one in the message.
 * @example fractionFlag('bad-rows', '0.005') // 0.005
 */
export function fractionFlag(name: string, value: string | undefined, example = '0.005'): number | undefined {
  if (value === undefined) return undefined;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1)) {
    throw new UsageError(`invalid --${name}: "${value}" (use a fraction from 0 to 1, e.g. ${example})`);
  }
  return n;
}

/**
 * One of a fixed set of words.
 * @example choiceFlag('variant', 'tab', ['canonical', 'tab']) // 'tab'
 */
export function choiceFlag<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const choice = choices.find((c) => c === value);
  if (choice === undefined) throw new UsageError(`invalid --${name}: "${value}" (use one of ${choices.join(', ')})`);
  return choice;
}

