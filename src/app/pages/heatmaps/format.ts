import type { MonthLabel, WeekLabel } from '../../../domain/types.ts';

/*
 * How the heatmaps write months, weeks and loads in a locale. Labels stay
 * `YYYY-MM` / `YYYY-Www` in the data and in CSV files; people read these.
 */

export interface HeatmapFormats {
  /** "June 2025" / "juni 2025" */
  month: (m: MonthLabel) => string;
  /** "Jun 25" / "jun. 25", for the axis */
  monthTick: (m: MonthLabel) => string;
  /** "23" */
  weekTick: (w: WeekLabel) => string;
  /** Counts: whole numbers. */
  count: (n: number) => string;
  /** Loads per FTE: one decimal. */
  load: (n: number) => string;
}

const monthDate = (m: MonthLabel) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));

/** @example formatsFor('da-DK').month('2025-06') // 'juni 2025' */
export function formatsFor(tag: string): HeatmapFormats {
  const long = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(tag, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    month: (m) => long.format(monthDate(m)),
    monthTick: (m) => short.format(monthDate(m)),
    weekTick: (w) => String(Number(w.slice(6))),
    count: (n) => whole.format(n),
    load: (n) => oneDecimal.format(n),
  };
}

/** Year and week number of a week label. @example weekParts('2026-W01') // { year: 2026, week: 1 } */
export function weekParts(w: WeekLabel): { year: number; week: number } {
  return { year: Number(w.slice(0, 4)), week: Number(w.slice(6)) };
}
