import { mondayOfIsoWeek } from '../../domain/calendar.ts';
import type { WeekLabel } from '../../domain/types.ts';
import { locale } from './locale.svelte.ts';

/*
 * How the page names ISO weeks, in one place for every view. The data keep
 * the week's key (`2025-W44`); a person reads "uge 44" on the Danish page
 * and "week 44" (or "W44" where space is short) on the English one, with
 * the year where the week number alone is ambiguous: in a range that spans
 * two ISO years, or for a week named alone. Where a person plans by date,
 * the Monday goes with it ("uge 45 · 2. nov.").
 */

const WORDS = {
  da: { name: (week: number) => `uge ${week}`, year: (week: number, year: number) => `uge ${week} ${year}`, short: (week: number) => `uge ${week}` },
  en: { name: (week: number) => `week ${week}`, year: (week: number, year: number) => `week ${week}, ${year}`, short: (week: number) => `W${week}` },
} as const;

const yearOf = (key: WeekLabel) => Number(key.slice(0, 4));
const numberOf = (key: WeekLabel) => Number(key.slice(6));

/**
 * A week named alone, out of context: always with its year.
 * @example weekName('2026-W01') // 'uge 1 2026' in Danish, 'week 1, 2026' in English
 */
export function weekName(key: WeekLabel): string {
  return WORDS[locale.lang].year(numberOf(key), yearOf(key));
}

/** A week where space is short: "uge 45" / "W45". */
export function shortWeekName(key: WeekLabel): string {
  return WORDS[locale.lang].short(numberOf(key));
}

/** Each week's Monday as the page writes it, per formatting locale: an axis names its weeks again on every change of the plan. */
const mondays = new Map<string, string>();
function monday(key: WeekLabel): string {
  const at = `${locale.tag} ${key}`;
  let name = mondays.get(at);
  if (name === undefined) mondays.set(at, (name = locale.formatDayMonth(mondayOfIsoWeek(key))));
  return name;
}

export interface WeekNames {
  /** "uge 45" / "week 45"; with the year when the range spans two ISO years. */
  name(key: WeekLabel): string;
  /** For an axis: "uge 45" / "W45". */
  short(key: WeekLabel): string;
  /** The week's Monday, short: "3. nov." / "3 Nov". */
  monday(key: WeekLabel): string;
  /** The name and its Monday: "uge 45 · 3. nov.". */
  dated(key: WeekLabel): string;
}

/**
 * Names for the weeks of one range (a chart's axis, a table's columns).
 * @example weekNames(['2025-W52', '2026-W01']).name('2026-W01') // 'uge 1 2026'
 */
export function weekNames(keys: readonly WeekLabel[]): WeekNames {
  const words = WORDS[locale.lang];
  const first = keys[0];
  const spansYears = first !== undefined && keys.some((k) => yearOf(k) !== yearOf(first));
  const name = (key: WeekLabel) => (spansYears ? words.year(numberOf(key), yearOf(key)) : words.name(numberOf(key)));
  return {
    name,
    short: shortWeekName,
    monday,
    dated: (key) => `${name(key)} · ${monday(key)}`,
  };
}
