import { locale } from '../../state/locale.svelte.ts';

/*
 * How the view writes its numbers: loads and loads per FTE with one
 * decimal, shares as percentages, in the page's locale.
 */

/** @example load(32.22) // '32,2' in Danish */
export const load = (n: number | null): string => (n === null ? '–' : locale.formatNumber(n, 1));

/** A threshold or slack in whole percent, as the page writes percentages. @example percentText(20) // '20 %' in Danish */
export const percentText = (percent: number): string => locale.formatPercent(percent / 100);

/** A caseworker's row name in a list of every unit's. @example rowName('AB', 'Valby') // 'AB · Valby' */
export const rowName = (caseworker: string, unit: string): string => `${caseworker} · ${unit}`;
