import type { FlowGrain } from '../../../domain/aggregate/flowView.ts';
import { isoWeekOf } from '../../../domain/calendar.ts';
import type { IsoDate } from '../../../domain/types.ts';
import type { Tick } from '../../../charts/ticks.ts';
import { locale } from '../../state/locale.svelte.ts';
import { shortWeekName } from '../../state/weeks.ts';
import { dateFormat, utcDate } from '../../i18n/formatters.ts';

/* How the flow view writes dates and figures in the current language. */

/** A month for an axis: "jun. 25". */
function shortMonth(d: IsoDate): string {
  return dateFormat(locale.tag, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(utcDate(d.slice(0, 7)));
}

/** A sample's name in the table: its date, at weekly grain after its week ("uge 27 · 6. juli 2025"). */
export function sampleName(d: IsoDate, grain: FlowGrain): string {
  return grain === 'week' ? `${shortWeekName(isoWeekOf(d))} · ${locale.formatDate(d)}` : locale.formatDate(d);
}

/**
 * Ticks at sample dates, thinned so labels of about `labelPx` pixels do not
 * overlap: the month at monthly grain; at weekly the week, its date below.
 */
export function dateTicks(dates: readonly IsoDate[], xs: readonly number[], grain: FlowGrain, labelPx = 56): Tick[] {
  const spacing = xs.length > 1 ? (xs.at(-1)! - xs[0]!) / (xs.length - 1) : labelPx;
  const every = Math.max(1, Math.ceil(labelPx / Math.max(1, spacing)));
  const tick = (d: IsoDate, at: number): Tick =>
    grain === 'week' ? { key: d, at, label: shortWeekName(isoWeekOf(d)), note: locale.formatDayMonth(d) } : { key: d, at, label: shortMonth(d) };
  return dates.map((d, i) => tick(d, xs[i] ?? 0)).filter((_, i) => (dates.length - 1 - i) % every === 0);
}
