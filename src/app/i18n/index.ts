import { locale, type Lang } from '../state/locale.svelte.ts';
import type { MessageKey } from './en.ts';
import type { ObligationStatus } from '../../domain/types.ts';
import type { ChartCardLabels } from '../../charts/ChartCard.svelte';

export type { MessageKey, Dictionary } from './en.ts';

/**
 * The message for `key` in the current language, with `{name}` filled from
 * `values`. Reading it in markup makes the markup follow `locale.lang`.
 *
 * @example t('file.loading', { name: 'demo.csv' }) // 'Fetching demo.csv…'
 */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return fill(locale.dictionary[key], values);
}

/**
 * A view's own `t`: its message for `key` in the current language, with
 * `{name}` filled from `values`.
 *
 * @example export const m = translator({ en, da }); m('title')
 */
export function translator<K extends string>(dictionaries: Record<Lang, Record<K, string>>) {
  return (key: K, values: Record<string, string | number> = {}): string => fill(dictionaries[locale.lang][key], values);
}

/** Each message split once at its `{name}`s: literal, name, literal, …, literal. */
const split = new Map<string, readonly string[]>();

/**
 * @example fill('{n} weeks', { n: 4 }) // '4 weeks'; an unknown `{name}` stays as written
 * A message is split once, not searched on every call: a heatmap names each of its hundreds of cells on every change.
 */
function fill(template: string, values: Record<string, string | number>): string {
  if (!template.includes('{')) return template;
  let parts = split.get(template);
  if (!parts) split.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in values ? String(values[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** The name of each obligation status in the current language. */
export function statusLabels(): Record<ObligationStatus, string> {
  return {
    done_on_time: t('status.done_on_time'),
    done_late: t('status.done_late'),
    overdue: t('status.overdue'),
    upcoming: t('status.upcoming'),
    missed: t('status.missed'),
    projected: t('status.projected'),
  };
}

/** The words of a chart card's buttons in the current language. */
export function cardLabels(): ChartCardLabels {
  return {
    viewTable: t('card.viewTable'),
    viewChart: t('card.viewChart'),
    png: t('card.png'),
    svg: t('card.svg'),
    csv: t('card.csv'),
  };
}
