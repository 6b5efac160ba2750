import type { Field } from './columns.ts';
import { SheetChoiceError } from './sheet.ts';
import { NotATableError } from './table.ts';

/*
 * Refusals a person can resolve by answering a question: which column holds
 * which field, which order the dates are in, which sheet to read. Each
 * carries what the question needs, as plain data that can cross from the
 * worker to the page (`problemOf`). Samples hold file values, masked for
 * CPR; they stay on the person's machine like the rest of the file.
 */

export class MissingColumnsError extends NotATableError {
  constructor(
    readonly missing: Field[],
    /** The file's header, CPR-shaped text masked. */
    readonly header: string[],
    /** Up to three sample values per column of `header`. */
    readonly samples: string[][],
  ) {
    super({ code: 'missing-columns', missing, found: header });
  }
}

export class AmbiguousDatesError extends NotATableError {
  constructor(
    /** A few distinct dates of the file that read differently day-first and month-first. */
    readonly samples: string[],
  ) {
    super({ code: 'ambiguous-dates', sample: samples[0] ?? '' });
  }
}

export type ImportProblem =
  | { kind: 'columns'; missing: Field[]; header: string[]; samples: string[][] }
  | { kind: 'dates'; samples: string[] }
  | { kind: 'sheets'; sheets: string[] };

/** The question behind a refusal, or null when the refusal has none. */
export function problemOf(error: unknown): ImportProblem | null {
  if (error instanceof MissingColumnsError) {
    return { kind: 'columns', missing: error.missing, header: error.header, samples: error.samples };
  }
  if (error instanceof AmbiguousDatesError) return { kind: 'dates', samples: error.samples };
  if (error instanceof SheetChoiceError) return { kind: 'sheets', sheets: error.sheets };
  return null;
}
