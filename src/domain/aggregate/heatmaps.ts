import { addDays, isoWeekOf, monthOf, startOfIsoWeek } from '../calendar.ts';
import type { IsoDate, MonthLabel, Obligation, WeekLabel } from '../types.ts';
import { crossTab, type CrossTab } from './crosstab.ts';

/*
 * The two workload heatmaps (issue: workload heatmaps): unit × month over
 * the figure months, and caseworker × ISO week within one unit.
 */

/** Keeps obligations of the given measure types (all when the list is empty). */
export function ofTypes(obligations: readonly Obligation[], types: readonly string[]): readonly Obligation[] {
  if (types.length === 0) return obligations;
  const keep = new Set(types);
  return obligations.filter((o) => keep.has(o.measureType));
}

/** @example unitMonthTab(obligations, ['Amager'], ['2025-01']).cells[0][0].total */
export function unitMonthTab(obligations: readonly Obligation[], units: readonly string[], months: readonly MonthLabel[]): CrossTab {
  return crossTab(obligations, units, months, (o) => o.unit, (o) => monthOf(o.due));
}

/** The ISO weeks from `back` weeks before the as-of week to `ahead − 1` weeks after it. */
export function weeksAround(asOf: IsoDate, back = 26, ahead = 26): { label: WeekLabel; monday: IsoDate }[] {
  const monday = startOfIsoWeek(asOf);
  return Array.from({ length: back + ahead }, (_, i) => {
    const d = addDays(monday, (i - back) * 7);
    return { label: isoWeekOf(d), monday: d };
  });
}

/**
 * Caseworker × ISO week for one unit: the 26 weeks before the as-of week
 * and the 26 from it. Caseworkers are those with an obligation in range.
 */
export function caseworkerWeekTab(obligations: readonly Obligation[], unit: string, asOf: IsoDate): CrossTab {
  const weeks = weeksAround(asOf).map((w) => w.label);
  const inWeeks = new Set(weeks);
  const mine = obligations.filter((o) => o.unit === unit && inWeeks.has(isoWeekOf(o.due)));
  const workers = [...new Set(mine.map((o) => o.caseworker))].sort((a, b) => a.localeCompare(b, 'da'));
  return crossTab(mine, workers, weeks, (o) => o.caseworker, (o) => isoWeekOf(o.due));
}

/** Measure types present, sorted. */
export function measureTypes(obligations: readonly Obligation[]): string[] {
  return [...new Set(obligations.map((o) => o.measureType))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'da'));
}

/** Load per full-time caseworker; null where the unit's FTE is unknown or zero. */
export function perFte(count: number, fte: number | undefined): number | null {
  return fte && fte > 0 ? count / fte : null;
}
