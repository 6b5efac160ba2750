import { FLOW_COLORS } from '../../../charts/colors.ts';
import type { Swatch } from '../../../charts/SwatchLegend.svelte';
import { FLOW_BANDS, type FlowBand } from '../../../domain/aggregate/flowView.ts';
import type { CfdPoint } from '../../../domain/types.ts';
import { locale } from '../../state/locale.svelte.ts';
import { m } from './messages.ts';

/* The bands and lines of the flow as the reader sees them: names, colours, legend, tooltip. */

/** Top to bottom, as the bands are stacked on the chart. */
export const BANDS_TOP_DOWN: readonly FlowBand[] = [...FLOW_BANDS].reverse();

export const bandName = (band: FlowBand): string => m(`band.${band}`);
export const bandColor = (key: string): string => FLOW_COLORS[key as FlowBand] ?? '#999999';
export const DUE_DASH = '6 3';

/** The legend: the visible bands top to bottom, then the lines where drawn. */
export function legendItems(visible: readonly FlowBand[], lines: boolean): Swatch[] {
  const items: Swatch[] = BANDS_TOP_DOWN.filter((b) => visible.includes(b)).map((b) => ({ key: b, label: bandName(b), color: bandColor(b) }));
  if (lines) {
    items.push({ key: 'created', label: m('line.created'), color: FLOW_COLORS.created, line: true });
    items.push({ key: 'due', label: m('line.due'), color: FLOW_COLORS.due, line: true, dash: DUE_DASH });
  }
  return items;
}

/** The tooltip of one date: the date, then created, every band top to bottom, and due. */
export function tooltipLines(point: CfdPoint, due: number | undefined): string[] {
  const n = locale.formatNumber;
  return [
    locale.formatDate(point.date),
    m('tip.value', { name: m('line.created'), n: n(point.created) }),
    ...BANDS_TOP_DOWN.map((b) => m('tip.value', { name: bandName(b), n: n(point[b]) })),
    m('tip.value', { name: m('line.due'), n: n(due ?? 0) }),
  ];
}
