/* The flow's grains and bands, in a module of its own: the address reads them without the flow's arithmetic. */

export type FlowGrain = 'month' | 'week';

/** The bands in flow order, bottom to top: departures (done) first, arrivals' newest work (upcoming) last. */
export const FLOW_BANDS = ['done', 'missed', 'overdue', 'upcoming'] as const;
export type FlowBand = (typeof FLOW_BANDS)[number];
