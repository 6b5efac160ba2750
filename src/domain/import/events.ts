import type { EventKind } from '../types.ts';

/*
 * Event names in English or Danish (SPEC §3), case-insensitive, with
 * surrounding spaces ignored and underscores read as spaces.
 */

const NAMES: Record<string, EventKind> = {
  'measure start': 'measure_start',
  start: 'measure_start',
  iværksat: 'measure_start',
  'follow up': 'follow_up',
  opfølgning: 'follow_up',
  'technical follow up': 'technical_follow_up',
  'teknisk opfølgning': 'technical_follow_up',
  'teknisk administrativ opfølgning': 'technical_follow_up',
  'measure end': 'measure_end',
  ophør: 'measure_end',
  afsluttet: 'measure_end',
};

export const EVENT_NAMES =
  'measure_start, follow_up, technical_follow_up, measure_end (or start/iværksat, opfølgning, teknisk opfølgning, ophør/afsluttet)';

/** @example parseEvent(' Teknisk opfølgning ') // 'technical_follow_up' */
export function parseEvent(value: string): EventKind | null {
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, ' ');
  return Object.hasOwn(NAMES, key) ? NAMES[key]! : null;
}
