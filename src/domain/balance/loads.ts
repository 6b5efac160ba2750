import { danishOrder } from '../collate.ts';
import type { WeighedCase } from './cases.ts';
import { fteLookup, type FteEntry } from './fte.ts';

/*
 * SPEC §10: each caseworker's load (the weights of the cases they hold),
 * load per FTE, the unit's imbalance (the largest load per FTE) and the
 * lower bound no assignment of its cases can go below.
 */

export interface CaseworkerLoad {
  id: string;
  fte: number;
  /** Cases held. */
  cases: number;
  load: number;
  perFte: number;
}

export interface UnitLoads {
  unit: string;
  /** The unit's cases, holders and weights, by case id. */
  cases: WeighedCase[];
  /** Its caseworkers, heaviest load per FTE first (then by id). */
  caseworkers: CaseworkerLoad[];
  /** Cases held by nobody: they are in the bound but in no one's load. */
  unheld: number;
  /** The weights of all its cases. */
  total: number;
  /** The caseworkers' load per FTE together: their loads ÷ their FTE (0 with no caseworker). */
  mean: number;
  /** The largest load per FTE (0 with no caseworker). */
  imbalance: number;
  /** Null when the unit has no caseworker to give its cases to. */
  lowerBound: number | null;
}


/**
 * A number without the dust of adding up decimals (0.1 + 0.2), so a load
 * of 0.3 prints as 0.3. Nine decimals keep every real difference.
 * @example tidy(0.1 + 0.2) // 0.3
 */
export function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/**
 * `lowerBound`: the larger of (all weights ÷ all FTE) and (the heaviest
 * case ÷ the largest FTE); null with no FTE to divide by.
 * @example lowerBound([3, 1, 1], [1, 1]) // 3
 */
export function lowerBound(weights: readonly number[], ftes: readonly number[]): number | null {
  if (ftes.length === 0) return null;
  const total = weights.reduce((s, w) => s + w, 0);
  const fte = ftes.reduce((s, f) => s + f, 0);
  return tidy(Math.max(total / fte, Math.max(0, ...weights) / Math.max(...ftes)));
}

/** The largest load per FTE; 0 with no caseworker. @example imbalance([4, 3], [1, 0.5]) // 6 */
export function imbalance(loads: readonly number[], ftes: readonly number[]): number {
  let worst = 0;
  loads.forEach((load, i) => (worst = Math.max(worst, load / ftes[i]!)));
  return tidy(worst);
}

/**
 * Every unit's loads. A unit's caseworkers are those who hold one of its
 * cases and those the FTE entries name for it; each has the FTE of the
 * entries (default 1). `units` lists the units to show (those of the
 * export), in order; an entry for a unit not among them is not used.
 * @example unitLoads(cases, [{ caseworker: 'AB', unit: 'Valby', fte: 0.5 }], ['Valby'])[0].caseworkers
 */
export function unitLoads(cases: readonly WeighedCase[], entries: readonly FteEntry[], units: readonly string[]): UnitLoads[] {
  const fteOf = fteLookup(entries);
  return units.map((unit) => {
    const own = cases.filter((c) => c.unit === unit);
    const held = new Map<string, { cases: number; load: number }>();
    for (const e of entries) if (e.unit === unit) held.set(e.caseworker, { cases: 0, load: 0 });
    let unheld = 0;
    for (const c of own) {
      if (c.caseworker === '') {
        unheld++;
        continue;
      }
      const h = held.get(c.caseworker) ?? { cases: 0, load: 0 };
      h.cases++;
      h.load += c.weight;
      held.set(c.caseworker, h);
    }
    const caseworkers = [...held].map(([id, h]): CaseworkerLoad => {
      const fte = fteOf(id, unit);
      const load = tidy(h.load);
      return { id, fte, cases: h.cases, load, perFte: tidy(load / fte) };
    });
    caseworkers.sort((a, b) => b.perFte - a.perFte || danishOrder(a.id, b.id));
    const ftes = caseworkers.map((w) => w.fte);
    const fte = ftes.reduce((s, f) => s + f, 0);
    const heldLoad = caseworkers.reduce((s, w) => s + w.load, 0);
    return {
      unit,
      cases: own,
      caseworkers,
      unheld,
      total: tidy(own.reduce((s, c) => s + c.weight, 0)),
      mean: fte > 0 ? tidy(heldLoad / fte) : 0,
      imbalance: imbalance(caseworkers.map((w) => w.load), ftes),
      lowerBound: lowerBound(own.map((c) => c.weight), ftes),
    };
  });
}

/**
 * Whether a caseworker is overloaded: load per FTE above the unit's mean
 * by more than `threshold` (a share: 0.2 is 20 %).
 * @example isOverloaded({ perFte: 13 }, { mean: 10 }, 0.2) // true
 */
export function isOverloaded(w: Pick<CaseworkerLoad, 'perFte'>, unit: Pick<UnitLoads, 'mean'>, threshold: number): boolean {
  return w.perFte > unit.mean * (1 + threshold) + 1e-9;
}

/** One caseworker in the table of every unit's caseworkers. */
export interface CaseloadRow extends CaseworkerLoad {
  unit: string;
  /** The unit's mean load per FTE and its lower bound, to read the caseworker against. */
  mean: number;
  lowerBound: number | null;
  /** Load per FTE over the unit's mean, as a share (0.25: 25 % above); null when the mean is 0. */
  aboveMean: number | null;
  overloaded: boolean;
}

/**
 * Every caseworker of every unit, heaviest load per FTE first (then unit
 * and id), each marked overloaded when above the unit's mean by more than
 * `threshold` (a share).
 * @example caseloadRows(unitLoads(cases, [], units), 0.2)[0] // { unit: 'Valby', id: 'AB', perFte: 45, mean: 29, overloaded: true, … }
 */
export function caseloadRows(units: readonly UnitLoads[], threshold: number): CaseloadRow[] {
  return units
    .flatMap((u) =>
      u.caseworkers.map((w) => ({
        ...w,
        unit: u.unit,
        mean: u.mean,
        lowerBound: u.lowerBound,
        aboveMean: u.mean > 0 ? tidy(w.perFte / u.mean - 1) : null,
        overloaded: isOverloaded(w, u, threshold),
      })),
    )
    .sort((a, b) => b.perFte - a.perFte || danishOrder(a.unit, b.unit) || danishOrder(a.id, b.id));
}

/**
 * The unit with the most to gain from balancing: whose imbalance is
 * furthest above its lower bound, relatively; the first one on a tie.
 * Null when no unit has a caseworker.
 * @example unitToBalance(unitLoads(cases, [], units)) // 'Valby'
 */
export function unitToBalance(units: readonly UnitLoads[]): string | null {
  let best: { unit: string; gain: number } | null = null;
  for (const u of units) {
    if (u.lowerBound === null) continue;
    const gain = u.lowerBound > 0 ? u.imbalance / u.lowerBound : 0;
    if (best === null || gain > best.gain) best = { unit: u.unit, gain };
  }
  return best?.unit ?? null;
}
