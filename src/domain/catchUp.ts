import type { Figures } from './analyze.ts';
import { dueByUnitMonth } from './aggregate/due.ts';
import { addStatus, statusByUnit } from './aggregate/status.ts';
import { levellingByUnit, prepareLevelling, withMore, type Prepared } from './levelling/index.ts';
import { backlogSuccessors } from './obligations.ts';
import type { Analysis, Obligation, StatusCounts } from './types.ts';

/*
 * Another catch-up of an analysed export's backlog, in a module of its own:
 * the page re-derives these figures when the catch-up changes, and needs
 * none of the reading and checking of an export for that.
 */

/**
 * The figures with each unit's backlog caught up over `catchUp` weeks
 * instead: the backlog's projected successors move (SPEC §5.5), and with
 * them the due counts, the status and the levelling. The rest stands.
 *
 * Only `obligations[backlog.start…]` change, so the figures of the rest
 * are counted once per export (`Figures.fixed`) and the new successors'
 * added to them: a change costs the backlog's chains, not the export.
 * `figures` are an analysis's own, before a view's scope sums or drops
 * units (`scope/figures.ts`), which the fixed figures know nothing of.
 * The last few catch-ups' figures are kept: one seen again is the same.
 */
export function figuresWithCatchUp(figures: Figures, catchUp: number): Figures {
  if (catchUp === figures.settings.catchUpWeeks) return figures;
  let kept = recent.get(figures);
  if (!kept) recent.set(figures, (kept = new Map()));
  const seen = kept.get(catchUp);
  kept.delete(catchUp);
  const made = seen ?? caughtUp(figures, catchUp);
  kept.set(catchUp, made);
  if (kept.size > RECENT) kept.delete(kept.keys().next().value!);
  return made;
}

/**
 * The last few catch-ups of each analysis' figures, the last seen last: a
 * person moving the slider goes back and forth between a few. Each holds
 * its backlog's successors, their figures and preparation, and the lists a
 * view made of them: bounded, so memory stays flat as a person plays.
 */
const recent = new WeakMap<Figures, Map<number, Figures>>();
const RECENT = 3;

function caughtUp(figures: Figures, catchUp: number): Figures {
  const { successors, backlog } = backlogSuccessors(figures, catchUp);
  const settings = { ...figures.settings, catchUpWeeks: catchUp };
  const { prepared, ...changed } = caughtUpFigures(figures.fixed, successors, figures.analysis);
  const before = figures.obligations;
  // Made when first read: the levelling view and the board read only the
  // preparation, and on a national export the list is a copy of 800,000
  // obligations, the summaries a plan of every unit, on every move.
  const analysis = lazily({ ...figures.analysis, ...changed }, 'levelling', () => levellingByUnit(prepared, settings.leadWeeks, catchUp));
  return lazily({ ...figures, analysis, backlog, settings, prepared }, 'obligations', () => before.slice(0, backlog.start).concat(successors));
}

/** `target` with its `key` worked out when first read, and kept (a spread or JSON reads it like any other). */
function lazily<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): T {
  let value: { made: T[K] } | undefined;
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: () => (value ??= { made: make() }).made });
  return target;
}

/**
 * The figures of the obligations no catch-up moves, `obligations[…backlog.start]`:
 * those of any catch-up are these plus its backlog's successors'.
 */
export interface FixedFigures {
  due: Record<string, number[]>;
  status: Record<string, StatusCounts>;
  prepared: Prepared;
}

/** The figures of the obligations no catch-up moves. */
export function fixedFigures(obligations: readonly Obligation[], { units, months, asOf }: Pick<Analysis, 'units' | 'months' | 'asOf'>): FixedFigures {
  return { due: dueByUnitMonth(obligations, units, months), status: statusByUnit(obligations, units), prepared: prepareLevelling(obligations, units, asOf) };
}

/**
 * The figures that depend on how the backlog is caught up, those of what
 * does not move plus those of the backlog's successors; the levelling
 * summaries follow from `prepared` (`levellingByUnit`).
 */
export function caughtUpFigures(fixed: FixedFigures, successors: readonly Obligation[], { units, months }: Pick<Analysis, 'units' | 'months'>) {
  return {
    dueByUnitMonth: summed(fixed.due, dueByUnitMonth(successors, units, months), (a, b) => a.map((n, i) => n + b[i]!)),
    status: summed(fixed.status, statusByUnit(successors, units), addStatus),
    prepared: withMore(fixed.prepared, successors),
  };
}

/** Two per-unit figures added up unit by unit. */
function summed<T>(a: Record<string, T>, b: Record<string, T>, add: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const unit of Object.keys(a)) out[unit] = add(a[unit]!, b[unit]!);
  return out;
}
