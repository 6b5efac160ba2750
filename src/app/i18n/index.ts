import { locale } from '../state/locale.svelte.ts';
import type { MessageKey } from './en.ts';
import type { ObligationStatus } from '../../domain/types.ts';

export type { MessageKey, Dictionary } from './en.ts';

/**
 * The message for `key` in the current language, with `{name}` filled from
 * `values`. Reading it in markup makes the markup follow `locale.lang`.
 *
 * @example t('file.loading', { name: 'demo.csv' }) // 'Fetching demo.csv…'
 */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return locale.dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
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
