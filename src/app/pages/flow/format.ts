import type { FlowGrain } from '../../../domain/aggregate/flowView.ts';
import type { IsoDate } from '../../../domain/types.ts';
import type { Tick } from '../../../charts/ticks.ts';
import { locale } from '../../state/locale.svelte.ts';

/* How the flow view writes dates and figures in the current language. */

const utc = (d: IsoDate) => {
  const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day));
};

/** A short date for an axis: the month at monthly grain, the day and month at weekly. */
export function shortDate(d: IsoDate, grain: FlowGrain): string {
  const options: Intl.DateTimeFormatOptions =
    grain === 'month' ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale.tag, options).format(utc(d));
}

/** Ticks at sample dates, thinned so labels of about `labelPx` pixels do not overlap. */
export function dateTicks(dates: readonly IsoDate[], xs: readonly number[], grain: FlowGrain, labelPx = 56): Tick[] {
  const spacing = xs.length > 1 ? (xs.at(-1)! - xs[0]!) / (xs.length - 1) : labelPx;
  const every = Math.max(1, Math.ceil(labelPx / Math.max(1, spacing)));
  return dates
    .map((d, i) => ({ key: d, at: xs[i] ?? 0, label: shortDate(d, grain) }))
    .filter((_, i) => (dates.length - 1 - i) % every === 0);
}
