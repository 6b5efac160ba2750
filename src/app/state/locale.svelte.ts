import { da } from '../i18n/da.ts';
import { en, type Dictionary } from '../i18n/en.ts';
import type { IsoDate } from '../../domain/types.ts';
import { dateFormat, numberFormat, utcDate } from '../i18n/formatters.ts';

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const dictionaries: Record<Lang, Dictionary> = { da, en };
/** Formatting locale when none of the user's own languages speaks `lang`. */
const fallbackTag: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Danish for any `da*` preference, English otherwise. @example langFromPreferences(['da-DK']) // 'da' */
export function langFromPreferences(languages: readonly string[]): Lang {
  return languages[0]?.toLowerCase().startsWith('da') ? 'da' : 'en';
}

/**
 * The BCP 47 tag numbers and dates are formatted with: the user's own
 * preference where it speaks `lang` (an en-US user keeps US dates in the
 * English UI), otherwise the region Sagsflow is made for.
 */
export function formatTag(lang: Lang, preferences: readonly string[]): string {
  const own = preferences.find((tag) => tag.toLowerCase().split('-')[0] === lang);
  return own ?? fallbackTag[lang];
}

function preferences(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
}

/** The UI language; `<html lang>` follows it. */
export class LocaleState {
  #lang = $state<Lang>('en');
  readonly dictionary = $derived(dictionaries[this.#lang]);
  readonly tag = $derived(formatTag(this.#lang, preferences()));
  readonly #numbers = $derived([0, 1, 2].map((digits) => numberFormat(this.tag, { maximumFractionDigits: digits })));
  readonly #percents = $derived(numberFormat(this.tag, { style: 'percent', maximumFractionDigits: 0 }));
  readonly #changes = $derived(numberFormat(this.tag, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  readonly #dates = $derived(dateFormat(this.tag, { dateStyle: 'long', timeZone: 'UTC' }));
  readonly #days = $derived(dateFormat(this.tag, { day: 'numeric', month: 'short', timeZone: 'UTC' }));

  constructor(lang: Lang) {
    this.lang = lang;
  }

  get lang(): Lang {
    return this.#lang;
  }

  set lang(value: Lang) {
    this.#lang = value;
    if (typeof document !== 'undefined') document.documentElement.lang = value;
  }

  /**
   * Makes the formatters the first screens use. The first Intl formatter a
   * page makes loads the locale's data, tens of milliseconds on a slow
   * phone; main.ts asks for it before the first paint, so it is not a pause
   * once the page can be used (the analysis's progress is the first to
   * format a number).
   */
  prepare(): void {
    this.formatPercent(0);
    this.formatNumber(0);
    this.formatDate('2000-01-01');
  }

  /** With up to `decimals` (0–2) decimals. @example locale.formatNumber(1234) // '1.234' in Danish; locale.formatNumber(3.46, 1) // '3,5' */
  formatNumber = (n: number, decimals = 0): string => this.#numbers[Math.min(2, Math.max(0, decimals))]!.format(n);

  /** A share as a whole percentage, signed when it is a change. @example locale.formatPercent(-0.5, true) // '−50 %' in Danish */
  formatPercent = (share: number, signed = false): string => (signed ? this.#changes : this.#percents).format(share);

  /** A calendar date as the user would write it; read at UTC midnight so no time zone shifts the day. */
  formatDate = (date: IsoDate): string => this.#dates.format(utcDate(date));

  /** Day and short month, for where the year goes without saying. @example locale.formatDayMonth('2025-11-03') // '3. nov.' in Danish, '3 Nov' in English */
  formatDayMonth = (date: IsoDate): string => this.#days.format(utcDate(date));
}

export const locale = new LocaleState(langFromPreferences(preferences()));
