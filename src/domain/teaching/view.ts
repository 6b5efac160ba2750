import type { CrossTab } from '../aggregate/crosstab.ts';
import { emptyStatus } from '../aggregate/status.ts';
import { planningWeeks, type PlanningWeek } from '../levelling/index.ts';
import { planningRange } from '../range.ts';
import type { CfdPoint, RegistrationCounts } from '../types.ts';
import { FIGURE_FIELDS, figureAt, FLOW_FIELDS, REGISTRATION_FIELDS, type FigureName, type PackedFrames } from './pack.ts';

/*
 * One frame of packed frames as the charts draw it: a playback step reads
 * these, never derives. `scalesOf` gives the tops of every scale over all
 * frames of all panels, so the charts hold still while time runs and two
 * panels side by side can be compared by eye.
 */

/** A frame's flow: its samples from the first week to the frame's date, and the due line. */
export function flowAt(p: PackedFrames, f: number): { points: CfdPoint[]; due: number[] } {
  const count = p.flowCount[f] ?? 0;
  const S = p.flowDates.length;
  const K = FLOW_FIELDS.length;
  const points: CfdPoint[] = [];
  const due: number[] = [];
  for (let s = 0; s < count; s++) {
    const at = (f * S + s) * K;
    // The last sample is the frame's as-of date (a Sunday in the playback, so also in flowDates).
    const date = s === count - 1 ? p.dates[f]! : p.flowDates[s]!;
    points.push({ date, created: p.flow[at]!, done: p.flow[at + 1]!, missed: p.flow[at + 2]!, overdue: p.flow[at + 3]!, upcoming: p.flow[at + 4]! });
    due.push(p.flowDue[f * S + s]!);
  }
  return { points, due };
}

/**
 * A frame's follow-ups due per unit and month, as a heatmap's cross-tab;
 * each cell's overdue ones as its `byStatus.overdue`.
 */
export function heatAt(p: PackedFrames, f: number): CrossTab {
  const U = p.units.length;
  const M = p.months.length;
  let max = 0;
  const cells = p.units.map((row, u) =>
    p.months.map((col, m) => {
      const at = (f * U + u) * M + m;
      const total = p.due[at]!;
      if (total > max) max = total;
      const byStatus = emptyStatus();
      byStatus.overdue = p.overdue[at]!;
      return { row, col, total, byStatus };
    }),
  );
  return { rows: [...p.units], cols: [...p.months], cells, max };
}

/** A frame's plan: the 26 weeks from its w0 and their loads. */
export interface LoadAt {
  weeks: PlanningWeek[];
  load: number[];
  asDueLoad: number[];
  backlogLoad: number[];
}

export function loadAt(p: PackedFrames, f: number): LoadAt {
  const slice = (a: Int32Array) => Array.from(a.subarray(f * p.weeks, (f + 1) * p.weeks));
  return { weeks: planningWeeks(planningRange(p.dates[f]!, p.weeks)), load: slice(p.load), asDueLoad: slice(p.asDueLoad), backlogLoad: slice(p.backlogLoad) };
}

/** A unit's registration statistic (SPEC §6) and technical follow-ups as of a frame. */
export type RegistrationAt = RegistrationCounts & { unit: string; technical: number };

export function registrationAt(p: PackedFrames, f: number): RegistrationAt[] {
  const K = REGISTRATION_FIELDS.length;
  return p.units.map((unit, u) => {
    const at = (f * p.units.length + u) * K;
    const [measures = 0, flaggedLate = 0, flaggedLateAsRegistered = 0, overdueNow = 0, technical = 0] = p.registration.subarray(at, at + K);
    return { unit, measures, flaggedLate, flaggedLateAsRegistered, overdueNow, technical };
  });
}

/** Every figure of a frame by name. */
export function figuresAt(p: PackedFrames, f: number): Record<FigureName, number> {
  const out = {} as Record<FigureName, number>;
  for (const name of FIGURE_FIELDS) out[name] = figureAt(p, f, name);
  return out;
}

/**
 * The month with the most follow-ups due as of a frame, all units
 * together (the first of equals), and the frame's overdue follow-ups.
 * @example busiestMonth(packed, 20) // { month: '2025-11', due: 255, overdue: 24 }
 */
export function busiestMonth(p: PackedFrames, f: number): { month: string; due: number; overdue: number } {
  const U = p.units.length;
  const M = p.months.length;
  const totals = new Array<number>(M).fill(0);
  let overdue = 0;
  for (let u = 0; u < U; u++) {
    for (let k = 0; k < M; k++) {
      totals[k]! += p.due[(f * U + u) * M + k]!;
      overdue += p.overdue[(f * U + u) * M + k]!;
    }
  }
  const at = totals.indexOf(Math.max(0, ...totals));
  return { month: p.months[at] ?? '', due: totals[at] ?? 0, overdue };
}

/** The top of each chart's scale over every frame of every panel. */
export interface Scales {
  /** The flow's created (the top of its stack) and due line. */
  flow: number;
  /** The largest cell of the heatmap. */
  heat: number;
  /** The largest weekly load, as due or planned. */
  load: number;
  /** The largest count of the registration statistic. */
  registration: number;
}

export function scalesOf(panels: readonly PackedFrames[]): Scales {
  const top = (a: ArrayLike<number>, stride = 1, offset = 0) => {
    let max = 0;
    for (let i = offset; i < a.length; i += stride) if (a[i]! > max) max = a[i]!;
    return max;
  };
  const REG = REGISTRATION_FIELDS.length;
  return {
    flow: Math.max(0, ...panels.map((p) => Math.max(top(p.flow, FLOW_FIELDS.length, 0), top(p.flowDue)))),
    heat: Math.max(0, ...panels.map((p) => top(p.due))),
    load: Math.max(0, ...panels.map((p) => Math.max(top(p.load), top(p.asDueLoad)))),
    // The three counts drawn (flagged late, flagged as registered, overdue now), not the measures.
    registration: Math.max(0, ...panels.flatMap((p) => [1, 2, 3].map((k) => top(p.registration, REG, k)))),
  };
}

/** The frame of a date: the last one on or before it, the first when it is before all (and for no date). */
export function frameOf(p: Pick<PackedFrames, 'dates'>, date: string | null): number {
  if (date === null) return 0;
  let at = 0;
  p.dates.forEach((d, i) => {
    if (d <= date) at = i;
  });
  return at;
}
