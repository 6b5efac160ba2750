import { locale } from '../../state/locale.svelte.ts';

/* Numbers as the view shows them, in the reader's locale. */

/** One decimal at most. @example oneDecimal(3.46) // '3.5' */
export const oneDecimal = (n: number): string => locale.formatNumber(n, 1);

/** A signed change in percent, or a dash when there is none. @example percent(-50) // '−50%' */
export function percent(change: number | null): string {
  return change === null ? '–' : locale.formatPercent(change / 100, true);
}
