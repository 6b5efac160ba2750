import { MAX_FTE } from '../domain/balance/limits.ts';
import { formatTag, type Lang } from './state/locale.svelte.ts';
import { numberFormat } from './i18n/formatters.ts';

/*
 * Numbers a person types, read the way the page's language writes them, and
 * written back the same way. Danish writes 1.234,5 and English 1,234.5; a
 * person often types the other language's decimal mark (6.5 on a Danish
 * page), which is read too where it cannot be a thousands separator.
 */

/** What a field accepts beyond "a number". Empty means none unless `required`. */
export interface NumberRule {
  required?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
  /** Only numbers strictly above it (a capacity or an FTE above 0). */
  above?: number;
}

/** A caseworker's FTE: above 0 and at most 2 (the balancing view and the board). */
export const CASEWORKER_FTE: NumberRule = { above: 0, max: MAX_FTE };

/** Why a text was refused, with what the message needs. */
export type NumberRefusal =
  | { code: 'required' }
  | { code: 'notANumber' }
  | { code: 'notWhole' }
  | { code: 'min'; min: number }
  | { code: 'max'; max: number }
  | { code: 'above'; above: number };

export type NumberReading = { ok: true; value: number | null } | { ok: false; refusal: NumberRefusal };

const DECIMAL: Record<Lang, ',' | '.'> = { da: ',', en: '.' };

/** Digit groups of a thousands-separated whole number: 1–3 digits (not a leading 0), then threes. */
function isGrouped(groups: readonly string[]): boolean {
  return groups.length > 1 && /^[1-9]\d{0,2}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** The digits of a whole part with its thousands separators (one kind, or none) taken out; null when misgrouped. */
function wholeDigits(whole: string): string | null {
  const seps = new Set(whole.replace(/\d/g, ''));
  if (seps.size === 0) return whole;
  if (seps.size > 1) return null;
  const groups = whole.split([...seps][0]!);
  return isGrouped(groups) ? groups.join('') : null;
}

/** Read with the last mark (`,` or `.`) as the decimal mark: `1.234,5` as '1234.5'; null when it cannot be one. */
function decimalDigits(text: string): string | null {
  const at = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  if (at < 0) return null;
  const whole = text.slice(0, at);
  const fraction = text.slice(at + 1);
  if (!/^\d+$/.test(fraction) || whole.includes(text[at]!)) return null;
  const digits = whole === '' ? '0' : wholeDigits(whole);
  return digits === null ? null : `${digits}.${fraction}`;
}

/** The number in `body` (digits and separators, no sign) as JavaScript writes it; null when it is not one. */
function parseBody(body: string, lang: Lang): string | null {
  if (!/^[\d.,\s]+$/.test(body)) return null;
  const text = body.replace(/\s/g, ' ');
  const asDecimal = decimalDigits(text);
  const asWhole = wholeDigits(text);
  // "1.234" reads either way: the page's own decimal mark decides.
  if (asDecimal !== null && asWhole !== null) return text.includes(DECIMAL[lang]) ? asDecimal : asWhole;
  return asDecimal ?? asWhole;
}

/**
 * `text` as a number the field accepts, or why not.
 * @example readNumber('6,5', 'da') // { ok: true, value: 6.5 }
 * @example readNumber('1.234,5', 'da') // { ok: true, value: 1234.5 }
 * @example readNumber('6,5,5', 'da') // { ok: false, refusal: { code: 'notANumber' } }
 */
export function readNumber(text: string, lang: Lang, rule: NumberRule = {}): NumberReading {
  const trimmed = text.trim();
  if (trimmed === '') return rule.required ? { ok: false, refusal: { code: 'required' } } : { ok: true, value: null };
  const negative = /^[-\u2212]/.test(trimmed);
  const digits = parseBody(negative ? trimmed.slice(1) : trimmed, lang);
  const value = digits === null ? NaN : Number(`${negative ? '-' : ''}${digits}`);
  const refusal: NumberRefusal | null = !Number.isFinite(value)
    ? { code: 'notANumber' }
    : rule.integer && !Number.isInteger(value)
      ? { code: 'notWhole' }
      : rule.min !== undefined && value < rule.min
        ? { code: 'min', min: rule.min }
        : rule.max !== undefined && value > rule.max
          ? { code: 'max', max: rule.max }
          : rule.above !== undefined && value <= rule.above
            ? { code: 'above', above: rule.above }
            : null;
  return refusal ? { ok: false, refusal } : { ok: true, value };
}

/**
 * `n` as the page's language writes it, with every decimal it has (up to 6),
 * so that `readNumber` reads it back as the same number.
 * @example writeNumber(1234.5, 'da') // '1.234,5'
 */
export function writeNumber(n: number, lang: Lang): string {
  return numberFormat(formatTag(lang, []), { maximumFractionDigits: 6 }).format(n);
}
