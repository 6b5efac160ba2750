import type { Figures } from '../analyze.ts';
import type { StatusCounts } from '../types.ts';
import { foldUnits, largestUnits, type UnitScope } from './largest.ts';

/**
 * What a view of an export with too many units is drawn from (DECISIONS, "Many units"):
 * the counting views get the largest units and one summed row for the rest;
 * the planning views (levelling, board, caseloads) only the largest, since a
 * plan of thousands of units put together is no unit's plan.
 */

/** A unit's follow-ups: every obligation of it, whatever its status. */
export function followUpsOf(status: StatusCounts | undefined): number {
  if (!status) return 0;
  let n = 0;
  for (const v of Object.values(status)) n += v;
  return n;
}

/**
 * The units to draw: the largest by follow-ups, and `keep` (units chosen in the address).
 * @example unitScopeOf(figures, ['Valby']).rest.length // 0 for an export of eight units
 */
export function unitScopeOf(figures: Figures, keep: readonly string[] = []): UnitScope {
  const { units, status } = figures.analysis;
  return largestUnits(units, (u) => followUpsOf(status[u]), { keep });
}

/** A name for the summed row that no shown unit has. */
function freeName(name: string, scope: UnitScope): string {
  let out = name;
  while (scope.shown.includes(out) || scope.rest.includes(out)) out += ' *';
  return out;
}

/**
 * The figures with every unit of `scope.rest` counted as one unit named
 * `restName` (made unique): the shown units and that row add up to the
 * whole, in every count. The levelling summaries are not sums (a peak of
 * the whole is no sum of peaks): only the shown units keep theirs.
 */
export function summedFigures(figures: Figures, scope: UnitScope, restName: string): Figures {
  if (scope.rest.length === 0) return figures;
  const rest = new Set(scope.rest);
  const name = freeName(restName, scope);
  const unitOf = (unit: string) => (rest.has(unit) ? name : unit);
  const a = figures.analysis;
  const fold = <T>(byUnit: Record<string, T>) => foldUnits(byUnit, scope, name);
  return {
    ...figures,
    analysis: {
      ...a,
      units: [...scope.shown, name],
      dueByUnitMonth: fold(a.dueByUnitMonth),
      status: fold(a.status),
      cfd: fold(a.cfd),
      levelling: foldUnits(a.levelling, { shown: scope.shown, rest: [] }, name),
      technicalFollowUps: fold(a.technicalFollowUps),
      technicalByUnitMonth: fold(a.technicalByUnitMonth),
      registration: fold(a.registration),
    },
    obligations: figures.obligations.map((o) => (rest.has(o.unit) ? { ...o, unit: name, homeUnit: o.unit } : o)),
    registrations: {
      ...figures.registrations,
      byMonth: fold(figures.registrations.byMonth),
      rows: figures.registrations.rows.map((r) => (rest.has(r.unit) ? { ...r, unit: unitOf(r.unit), homeUnit: r.unit } : r)),
    },
    cases: figures.cases.map((c) => (rest.has(c.unit) ? { ...c, unit: name } : c)),
  };
}

/** The figures of the shown units only: what the planning views draw when the rest cannot be summed. */
export function shownFigures(figures: Figures, scope: UnitScope): Figures {
  if (scope.rest.length === 0) return figures;
  const shown = new Set(scope.shown);
  const keep = <T>(byUnit: Record<string, T>) => foldUnits(byUnit, { shown: scope.shown, rest: [] }, '');
  const a = figures.analysis;
  return {
    ...figures,
    analysis: {
      ...a,
      units: scope.shown,
      dueByUnitMonth: keep(a.dueByUnitMonth),
      status: keep(a.status),
      cfd: keep(a.cfd),
      levelling: keep(a.levelling),
      technicalFollowUps: keep(a.technicalFollowUps),
      technicalByUnitMonth: keep(a.technicalByUnitMonth),
      registration: keep(a.registration),
    },
    obligations: figures.obligations.filter((o) => shown.has(o.unit)),
    registrations: { ...figures.registrations, byMonth: keep(figures.registrations.byMonth), rows: figures.registrations.rows.filter((r) => shown.has(r.unit)) },
    cases: figures.cases.filter((c) => shown.has(c.unit)),
    // The plan is made from the prepared jobs: of the shown units only, or "all units" would plan the rest too.
    prepared: { ...figures.prepared, units: figures.prepared.units.filter((u) => shown.has(u.unit)) },
  };
}
