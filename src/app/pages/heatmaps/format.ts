import type { MonthLabel } from '../../../domain/types.ts';
import { dateFormat, numberFormat, utcDate } from '../../i18n/formatters.ts';

/*
 * How the heatmaps write months and loads in a locale (weeks: the page's
 * one week formatter, state/weeks.ts). Labels stay `YYYY-MM` in the data
 * and in CSV files; people read these.
 */

export interface HeatmapFormats {
  /** "June 2025" / "juni 2025" */
  month: (m: MonthLabel) => string;
  /** "Jun 25" / "jun. 25", for the axis */
  monthTick: (m: MonthLabel) => string;
  /** Counts: whole numbers. */
  count: (n: number) => string;
  /** Loads per FTE: one decimal. */
  load: (n: number) => string;
}


/** @example formatsFor('da-DK').month('2025-06') // 'juni 2025' */
export function formatsFor(tag: string): HeatmapFormats {
  const long = dateFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = dateFormat(tag, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const whole = numberFormat(tag, { maximumFractionDigits: 0 });
  const oneDecimal = numberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    month: (m) => long.format(utcDate(m)),
    monthTick: (m) => short.format(utcDate(m)),
    count: (n) => whole.format(n),
    load: (n) => oneDecimal.format(n),
  };
}
