import type { Figures, Settings } from './analyze.ts';
import { dueByUnitMonth } from './aggregate/due.ts';
import { statusByUnit } from './aggregate/status.ts';
import { levellingByUnit, prepareLevelling } from './levelling/index.ts';
import { withCatchUp } from './obligations.ts';
import type { IsoDate, Obligation } from './types.ts';

/*
 * Another catch-up of an analysed export's backlog, in a module of its own:
 * the page re-derives these figures when the catch-up changes, and needs
 * none of the reading and checking of an export for that.
 */

/**
 * The figures with each unit's backlog caught up over `catchUp` weeks
 * instead: the backlog's projected successors move (SPEC §5.5), and with
 * them the due counts, the status and the levelling. The rest stands.
 */
export function figuresWithCatchUp(figures: Figures, catchUp: number): Figures {
  if (catchUp === figures.settings.catchUpWeeks) return figures;
  const { obligations, backlog } = withCatchUp(figures, catchUp);
  const settings = { ...figures.settings, catchUpWeeks: catchUp };
  const { units, months, asOf } = figures.analysis;
  const { prepared, ...changed } = catchUpFigures(obligations, units, months, asOf, settings);
  return {
    ...figures,
    analysis: { ...figures.analysis, ...changed },
    obligations,
    backlog,
    settings,
    prepared,
  };
}

/** The figures that depend on how the backlog is caught up. */
export function catchUpFigures(obligations: readonly Obligation[], units: readonly string[], months: readonly string[], asOf: IsoDate, settings: Settings) {
  const prepared = prepareLevelling(obligations, units, asOf);
  return {
    dueByUnitMonth: dueByUnitMonth(obligations, units, months),
    status: statusByUnit(obligations, units),
    levelling: levellingByUnit(prepared, settings.leadWeeks, settings.catchUpWeeks),
    prepared,
  };
}
