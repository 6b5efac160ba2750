import type { Rng } from './random.ts';

/**
 * Remarks as caseworkers type them: with the delimiters, quotes and Danish
 * letters that make a writer quote fields. No line breaks (they would
 * shift line numbers between variants) and no digits (nothing that could
 * pass for a CPR number).
 */
const NOTES: readonly string[] = [
  'Samtale med forældre; aftalt ny status',
  'Hjemmebesøg, barnet deltog',
  'Møde på skolen "god udvikling"',
  'Opfølgning pr. telefon, mor ønsker møde',
  'Netværksmøde; plejefamilie, skole og PPR',
  'Afventer børnefaglig undersøgelse',
  'Barnet siger: "jeg vil bo her"',
];

/** Share of rows that carry a remark. */
const NOTE_SHARE = 0.05;

/**
 * A remark for a row, or '' for most rows.
 * @example drawNote(createRng(3)) // '' or e.g. 'Hjemmebesøg, barnet deltog'
 */
export function drawNote(rng: Rng): string {
  return rng.chance(NOTE_SHARE) ? rng.pick(NOTES) : '';
}
