/** The views of an export, in the order of the navigation. */
export const VIEWS = ['overview', 'heatmaps', 'flow', 'levelling', 'board', 'balance', 'registration'] as const;
export type View = (typeof VIEWS)[number];
