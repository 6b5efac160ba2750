import { bandsIn, type FlowBand, type FlowGrain } from '../../../domain/aggregate/flowView.ts';
import type { IsoDate } from '../../../domain/types.ts';
import type { UrlState } from '../../state/url.svelte.ts';

/*
 * The flow view's state, read from the address so a view can be shared by
 * its link: ?view=flow&grain=week&y=independent&hide=done&types=A,B
 * &compare=Amager,Valby&from=2025-01-31&to=2025-06-30. Values it does not
 * know are ignored, never an error.
 */

export type YScale = 'shared' | 'independent';

export interface FlowParams {
  grain: FlowGrain;
  y: YScale;
  hidden: FlowBand[];
  types: string[];
  compare: [string, string] | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

const list = (value: string | null): string[] => (value ?? '').split(',').filter(Boolean);
const date = (value: string | null): IsoDate | null => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** The view's parameters; `units` and `types` are those of the export. */
export function readParams(url: Pick<UrlState, 'param'>, units: readonly string[], types: readonly string[]): FlowParams {
  const [a, b] = list(url.param('compare'));
  return {
    grain: url.param('grain') === 'week' ? 'week' : 'month',
    y: url.param('y') === 'independent' ? 'independent' : 'shared',
    hidden: bandsIn(url.param('hide')),
    types: list(url.param('types')).filter((t) => types.includes(t)),
    compare: a && b && a !== b && units.includes(a) && units.includes(b) ? [a, b] : null,
    from: date(url.param('from')),
    to: date(url.param('to')),
  };
}

/** A list as one parameter; null (parameter removed) when empty. */
export const asParam = (values: readonly string[]): string | null => (values.length > 0 ? values.join(',') : null);
