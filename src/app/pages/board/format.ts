import type { BoardCard } from '../../../domain/board/index.ts';
import type { PlanningWeek } from '../../../domain/levelling/index.ts';
import type { IsoDate } from '../../../domain/types.ts';
import { locale } from '../../state/locale.svelte.ts';
import { weekNames, type WeekNames } from '../../state/weeks.ts';
import { counted, m } from './messages.ts';
import { dateFormat, utcDate } from '../../i18n/formatters.ts';

/* How the board writes weeks, dates and cards in the reader's locale. */


/** Formatted dates, kept: a board redraws the same few hundred dates on every re-plan. */
const written = new Map<string, string>();
function kept(kind: string, d: IsoDate, format: (d: IsoDate) => string): string {
  const key = `${kind}|${locale.tag}|${d}`;
  let text = written.get(key);
  if (text === undefined) {
    text = format(d);
    if (written.size < 50_000) written.set(key, text);
  }
  return text;
}

/** Day and short month: "2. nov." in Danish, "2 Nov" in English. */
export const shortDate = (d: IsoDate): string => kept('short', d, locale.formatDayMonth);

/** Day and month in figures, for a one-line card: "2.11" in Danish, "02/11" in English. */
export const numericDate = (d: IsoDate): string =>
  kept('numeric', d, (date) => {
    return dateFormat(locale.tag, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(utcDate(date));
  });

/** The names of a board's weeks: a column is "uge 45 · 2. nov." / "week 45 · 2 Nov" (weekNames.dated). */
export const namesOf = (weeks: readonly PlanningWeek[]): WeekNames => weekNames(weeks.map((w) => w.key));

/** A swimlane's name. */
export const workerName = (caseworker: string): string => caseworker || m('noWorker');

/** Which follow-up of its measure a card is: "2. opf." / "no. 2". */
export const seqText = (seq: number): string => m('seq', { n: seq });

export const lateText = (days: number): string => counted(days, 'late', 'late.one');
export const earlyText = (weeks: number): string => counted(weeks, 'early', 'early.one');

/** A capacity, with up to two decimals where the FTE made them. */
export const capacityText = (cap: number): string => locale.formatNumber(cap, 2);

/**
 * A letter per measure type, for cards too narrow for the name (the
 * legend says which is which): A, B, … in the order given, then AA, AB, ….
 * @example typeLetters(['aflastning', 'forebyggende']).get('forebyggende') // 'B'
 */
export function typeLetters(types: readonly string[]): Map<string, string> {
  const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26));
  return new Map(types.map((t, i) => [t, letter(i)]));
}

/** A card's mark: how late an overdue one is, or how many weeks early the plan starts it; '' for neither. */
export function cardMark(card: BoardCard, short: boolean): string {
  if (card.overdue) return m('late.short', { n: locale.formatNumber(card.daysOverdue) });
  return card.weeksEarly > 0 ? (short ? `◀${card.weeksEarly}` : `◀ ${card.weeksEarly}`) : '';
}

/**
 * What a printed card shows after its case id, part by part: on the first
 * line of a two-line card (the follow-up and the mark), or on a one-line
 * card (type letter, due date, follow-up, mark).
 * @example cardParts(card, letters).short // ['B', '2.11.', '#2', '◀2']
 */
export function cardParts(card: BoardCard, letters: ReadonlyMap<string, string>): { id: string; full: string[]; short: string[] } {
  const mark = (short: boolean) => (cardMark(card, short) ? [cardMark(card, short)] : []);
  return {
    id: card.caseId,
    full: [seqText(card.seq), ...mark(false)],
    short: [letters.get(card.measureType) ?? '–', numericDate(card.due), m('seq.short', { n: card.seq }), ...mark(true)],
  };
}
