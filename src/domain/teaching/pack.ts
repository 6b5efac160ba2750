import { danishOrder } from '../collate.ts';
import type { IsoDate, MonthLabel } from '../types.ts';
import { levelFrame, type Frame, type FrameSettings } from './frames.ts';

/*
 * Frames as a page draws them: flat typed arrays, one block per frame, so
 * a worker can hand them over without copying and a playback step is an
 * index, not a derivation. Everything is for the settings' scope (one unit
 * or all), except the due counts and the registration statistic, which
 * are per unit (a heatmap's rows, a chart's bars).
 */

/** The five counts of a flow sample (SPEC §6), in this order in `flow`. */
export const FLOW_FIELDS = ['created', 'done', 'missed', 'overdue', 'upcoming'] as const;
/** The registration statistic and the technical follow-ups of a unit, in this order in `registration`. */
export const REGISTRATION_FIELDS = ['measures', 'flaggedLate', 'flaggedLateAsRegistered', 'overdueNow', 'technical'] as const;
/** The figures of a planned frame, in this order in `figures`. */
export const FIGURE_FIELDS = [
  'peak',
  'asDuePeak',
  'lowerBound',
  'backlog',
  'late',
  'asDueLate',
  'weeksOver',
  'asDueWeeksOver',
  'meanDaysEarly',
  'followUpsAsDue',
  'extraPerYear',
  'jobs',
] as const;
export type FigureName = (typeof FIGURE_FIELDS)[number];

export interface PackedFrames {
  /** Each frame's as-of date. */
  dates: IsoDate[];
  /** Every unit of any frame, in Danish order. */
  units: string[];
  months: MonthLabel[];
  /** The last frame's flow samples; frame i has the first `flowCount[i]` of them, its last one at its as-of date. */
  flowDates: IsoDate[];
  flowCount: Int32Array;
  /** [frame][sample][FLOW_FIELDS], samples padded to `flowDates.length`. */
  flow: Int32Array;
  /** [frame][sample]: due on or before the sample (the flow's due line). */
  flowDue: Int32Array;
  /** [frame][unit][month]: due, and overdue as of the frame. */
  due: Int32Array;
  overdue: Int32Array;
  /** [frame][unit][REGISTRATION_FIELDS]. */
  registration: Int32Array;
  /** The planning weeks of each frame (SPEC §7: 26, from the week of its first workday). */
  weeks: number;
  /** [frame][week]: the policy's load, as due, and the backlog's part of both. */
  load: Int32Array;
  asDueLoad: Int32Array;
  backlogLoad: Int32Array;
  /** [frame][FIGURE_FIELDS]. */
  figures: Float64Array;
}

/**
 * Packs frames planned for the settings.
 * @example packFrames([...framesOf(text, window)], { lead: 4, policy: 'level', capacity: 14, unit: null }).figures
 */
export function packFrames(frames: readonly Frame[], settings: FrameSettings): PackedFrames {
  const last = frames.at(-1);
  const units = unionUnits(frames);
  const months = frames[0]?.months ?? [];
  const M = months.length;
  const F = frames.length;
  const U = units.length;
  const flowDates = last?.flowDates ?? [];
  const S = flowDates.length;
  const inScope = (u: string) => settings.unit === null || settings.unit === u;
  const out = {
    flowCount: new Int32Array(F),
    flow: new Int32Array(F * S * FLOW_FIELDS.length),
    flowDue: new Int32Array(F * S),
    due: new Int32Array(F * U * M),
    overdue: new Int32Array(F * U * M),
    registration: new Int32Array(F * U * REGISTRATION_FIELDS.length),
  };
  let weeks = 0;
  const levels = frames.map((frame) => levelFrame(frame, settings));
  for (const level of levels) weeks = Math.max(weeks, level.sim.weeks.length);
  const load = new Int32Array(F * weeks);
  const asDueLoad = new Int32Array(F * weeks);
  const backlogLoad = new Int32Array(F * weeks);
  const figures = new Float64Array(F * FIGURE_FIELDS.length);

  frames.forEach((frame, f) => {
    out.flowCount[f] = frame.flowDates.length;
    units.forEach((unit, u) => {
      const points = frame.flow[unit];
      if (points && inScope(unit)) {
        points.forEach((p, s) => FLOW_FIELDS.forEach((field, k) => (out.flow[(f * S + s) * FLOW_FIELDS.length + k]! += p[field])));
        frame.flowDue[unit]?.forEach((n, s) => (out.flowDue[f * S + s]! += n));
      }
      const at = (f * U + u) * M;
      out.due.set(frame.due[unit] ?? [], at);
      out.overdue.set(frame.overdue[unit] ?? [], at);
      const r = frame.registration[unit];
      if (r) {
        const values = [r.measures, r.flaggedLate, r.flaggedLateAsRegistered, r.overdueNow, frame.technical[unit] ?? 0];
        out.registration.set(values, (f * U + u) * REGISTRATION_FIELDS.length);
      }
    });
    const { sim, followUpsAsDue, extraPerYear } = levels[f]!;
    load.set(sim.load, f * weeks);
    asDueLoad.set(sim.asDueLoad, f * weeks);
    backlogLoad.set(sim.backlogLoad, f * weeks);
    const fig = sim.figures;
    const values: Record<FigureName, number> = {
      peak: fig.peak.policy,
      asDuePeak: fig.peak.asDue,
      lowerBound: fig.lowerBound.policy,
      backlog: sim.units.reduce((s, u) => s + u.backlog.length, 0),
      late: sim.units.reduce((s, u) => s + u.late, 0),
      asDueLate: sim.units.reduce((s, u) => s + u.asDueLate, 0),
      weeksOver: fig.weeksOver?.policy ?? 0,
      asDueWeeksOver: fig.weeksOver?.asDue ?? 0,
      meanDaysEarly: fig.meanDaysEarly.policy,
      followUpsAsDue,
      extraPerYear,
      jobs: sim.units.reduce((s, u) => s + u.jobs.length, 0),
    };
    FIGURE_FIELDS.forEach((name, k) => (figures[f * FIGURE_FIELDS.length + k] = values[name]));
  });

  return {
    dates: frames.map((f) => f.asOf),
    units,
    months: [...months],
    flowDates,
    weeks,
    load,
    asDueLoad,
    backlogLoad,
    figures,
    ...out,
  };
}

/** The typed arrays of packed frames, to transfer to another thread instead of copying them. */
export function transferables(p: PackedFrames): ArrayBuffer[] {
  return [p.flowCount, p.flow, p.flowDue, p.due, p.overdue, p.registration, p.load, p.asDueLoad, p.backlogLoad, p.figures].map((a) => a.buffer as ArrayBuffer);
}

/** One figure of a frame. @example figureAt(packed, 0, 'peak') */
export function figureAt(p: PackedFrames, frame: number, name: FigureName): number {
  return p.figures[frame * FIGURE_FIELDS.length + FIGURE_FIELDS.indexOf(name)] ?? 0;
}

function unionUnits(frames: readonly Frame[]): string[] {
  const seen = new Set<string>();
  for (const f of frames) for (const u of f.units) seen.add(u);
  return [...seen].sort(danishOrder);
}
