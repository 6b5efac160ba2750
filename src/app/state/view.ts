/** The views, in the order of the navigation: those of an export, then teaching (which makes its own data). */
export const VIEWS = ['overview', 'heatmaps', 'flow', 'levelling', 'teaching'] as const;
export type View = (typeof VIEWS)[number];

/** @example viewOf('flow') // 'flow'; viewOf('nonsense') // 'overview' */
export function viewOf(value: string | null): View {
  return (VIEWS as readonly string[]).includes(value ?? '') ? (value as View) : 'overview';
}
