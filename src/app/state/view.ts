/** The views of an export, in the order of the navigation. */
export const VIEWS = ['overview', 'heatmaps', 'flow', 'levelling', 'board'] as const;
export type View = (typeof VIEWS)[number];

/** @example viewOf('flow') // 'flow'; viewOf('nonsense') // 'overview' */
export function viewOf(value: string | null): View {
  return (VIEWS as readonly string[]).includes(value ?? '') ? (value as View) : 'overview';
}
