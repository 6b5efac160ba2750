import { DEFAULT_CATCH_UP, MAX_CATCH_UP } from '../../domain/catchUpLimits.ts';
import { flag, list, oneOf, param, text, wholeNumber } from './address.ts';
import { LANGS } from './locale.svelte.ts';
import type { UrlState } from './url.svelte.ts';
import { VIEWS } from './view.ts';

/*
 * The parameters of the app as a whole, and those views share because they
 * mean the same there (`types`). Each view declares its own in its folder's
 * params.ts; src/app/registry.ts lists them all.
 */

/** A local file's marker: a short fingerprint of its bytes, never its name or any case data. */
const FINGERPRINT = /^[0-9a-f]{8}$/;

/** The measure types the address chooses (`types`) that the export has; none means all. @example chosenTypes(url, ['Anbringelse']) */
export function chosenTypes(url: Pick<UrlState, 'get'>, types: readonly string[]): string[] {
  return url.get(app.types).filter((t) => types.includes(t));
}

/** A unit the address names, if the export has it; null otherwise (each view says what none means). */
export function unitOf(value: string | null, units: readonly string[]): string | null {
  return value !== null && units.includes(value) ? value : null;
}

export const app = {
  /** The export of the server's list that is shown (`?export=demo`); the first when absent. */
  exportId: text('export'),
  lang: oneOf('lang', LANGS, null),
  view: oneOf('view', VIEWS, 'overview'),
  /** Another export endpoint on this origin (`?endpoint=/udtraek/`). */
  endpoint: text('endpoint'),
  /** The chart cards that show their table (`?tables=flow-all,heat-month`). */
  tables: list('tables'),
  /** The measure types counted, in the workload and the flow alike; none means all. */
  types: list('types'),
  /** Weeks over which each unit's overdue backlog is caught up (SPEC §7.1); its next follow-ups move with it, in every view. */
  catchUp: wholeNumber('catchup', { min: 1, max: MAX_CATCH_UP, default: DEFAULT_CATCH_UP }),
  /** Units shown besides the largest, where an export has more units than a view draws (`?units=Valby`, DECISIONS "Many units"). */
  units: list('units'),
  /** The "as registered" view: technical follow-ups counted as follow-ups (SPEC §1, `countTechnical`). */
  registered: flag('registered'),
  /** The page shows a file opened on this computer (`?local=1a2b3c4d`), see localFile.svelte.ts. */
  local: param<string | null>('local', { default: null, parse: (s) => (FINGERPRINT.test(s) ? s : undefined), format: (s) => s ?? '' }),
  /** In the dev server only: serve the export endpoint from msw (`?mock=1`, or a scenario of mocks/browser.ts). */
  mock: text('mock'),
} as const;
