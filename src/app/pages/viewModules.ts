import type { View } from '../state/view.ts';

/**
 * The code of each view, fetched when the view is first shown (and, for
 * the view in the address, while its export is analysed): the first load
 * carries none of it. A module is fetched once; asking again is free.
 */
export const viewModules = {
  overview: () => import('./AnalysisReport.svelte'),
  heatmaps: () => import('./heatmaps/HeatmapsView.svelte'),
  flow: () => import('./flow/FlowView.svelte'),
  levelling: () => import('./levelling/LevellingView.svelte'),
  board: () => import('./board/BoardView.svelte'),
  balance: () => import('./balance/BalanceView.svelte'),
  registration: () => import('./registration/RegistrationView.svelte'),
  teaching: () => import('./teaching/TeachingView.svelte'),
} satisfies Record<View, () => Promise<unknown>>;

/** The views of an analysed export (Views.svelte), which every view above but teaching is drawn in. */
export const viewsModule = () => import('./Views.svelte');
