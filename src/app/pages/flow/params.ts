import { FLOW_BANDS, type FlowBand, type FlowGrain } from '../../../domain/aggregate/flowBands.ts';
import type { IsoDate } from '../../../domain/types.ts';
import { isoDate, oneOf, pairOf, someOf } from '../../state/address.ts';
import { chosenTypes } from '../../state/params.ts';
import type { UrlState } from '../../state/url.svelte.ts';

/*
 * The flow view's parameters, so a view can be shared by its link:
 * ?view=flow&grain=week&y=independent&hide=done&types=A,B
 * &compare=Amager,Valby&from=2025-01-31&to=2025-06-30. Values it does not
 * know are ignored, never an error. The measure types are the app's.
 */

export type YScale = 'shared' | 'independent';

export const flow = {
  grain: oneOf<FlowGrain>('grain', ['month', 'week'], 'month'),
  y: oneOf<YScale>('y', ['shared', 'independent'], 'shared'),
  /** The bands hidden. */
  hidden: someOf<FlowBand>('hide', FLOW_BANDS),
  /** Two units side by side. */
  compare: pairOf('compare'),
  from: isoDate('from'),
  to: isoDate('to'),
} as const;

export interface FlowParams {
  grain: FlowGrain;
  y: YScale;
  hidden: FlowBand[];
  types: string[];
  compare: [string, string] | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** The view's parameters, those naming units or types kept to the export's own. */
export function readParams(url: Pick<UrlState, 'get'>, units: readonly string[], types: readonly string[]): FlowParams {
  const compare = url.get(flow.compare);
  return {
    grain: url.get(flow.grain),
    y: url.get(flow.y),
    hidden: url.get(flow.hidden),
    types: chosenTypes(url, types),
    compare: compare && compare.every((u) => units.includes(u)) ? compare : null,
    from: url.get(flow.from),
    to: url.get(flow.to),
  };
}
