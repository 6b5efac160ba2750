import { locale } from '../../state/locale.svelte.ts';

/* Numbers as the view shows them, in the reader's locale. */

/** One decimal at most. @example oneDecimal(3.46) // '3.5' */
export function oneDecimal(n: number): string {
  return new Intl.NumberFormat(locale.tag, { maximumFractionDigits: 1 }).format(n);
}

/** A signed change in percent, or a dash when there is none. @example percent(-50) // '−50%' */
export function percent(change: number | null): string {
  if (change === null) return '–';
  return new Intl.NumberFormat(locale.tag, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(change / 100);
}
