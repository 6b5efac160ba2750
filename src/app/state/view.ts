/** The views, in the order of the navigation: those of an export, then teaching (which makes its own data). */
export const VIEWS = ['overview', 'heatmaps', 'flow', 'levelling', 'board', 'balance', 'registration', 'teaching'] as const;
export type View = (typeof VIEWS)[number];
