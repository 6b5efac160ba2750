import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import type { ObligationStatus } from '../domain/types.ts';

/*
 * Colour that every reader can read. Counts use cividis (perceptually
 * uniform, made for colour-vision deficiency), light for few and dark for
 * many. Statuses use the Okabe–Ito palette, told apart with every common
 * colour-vision deficiency; projected work is grey and hatched.
 */

/** Light (low) to dark (high) cividis. */
export const countInterpolator = (t: number): string => interpolateCividis(1 - t * 0.95);

/** A sequential scale from 0 to `max` (at least 1). */
export function countScale(max: number) {
  return scaleSequential(countInterpolator).domain([0, Math.max(1, max)]);
}

/**
 * Text on a cell of colour `t` (0–1 of the ramp): dark on light, white on
 * dark. Mid-ramp neither reaches 4.5:1 against the cell, so cell numbers
 * are drawn with a halo of the opposite colour (textHalo), against which
 * they always do.
 */
export function textOn(t: number): string {
  return t > 0.5 ? '#ffffff' : '#1b1f24';
}

/** The halo behind text of colour `fill`. */
export function textHalo(fill: string): string {
  return fill === '#ffffff' ? '#1b1f24' : '#ffffff';
}

export const STATUS_COLORS: Record<ObligationStatus, string> = {
  done_on_time: '#009E73',
  done_late: '#E69F00',
  overdue: '#D55E00',
  upcoming: '#0072B2',
  missed: '#CC79A7',
  projected: '#999999',
};

/** Colours of the flow's bands and lines, in the same palette. */
export const FLOW_COLORS = {
  done: STATUS_COLORS.done_on_time,
  missed: STATUS_COLORS.missed,
  overdue: STATUS_COLORS.overdue,
  upcoming: STATUS_COLORS.upcoming,
  created: '#1b1f24',
  due: '#000000',
} as const;

/**
 * Colours of the levelling's weekly load: the plan in the upcoming blue on
 * the backlog being caught up in the overdue vermilion; the capacity in
 * reddish purple (3:1 on white, apart from both).
 */
export const LOAD_COLORS = {
  policy: STATUS_COLORS.upcoming,
  backlog: STATUS_COLORS.overdue,
  asDue: '#1b1f24',
  capacity: STATUS_COLORS.missed,
  bound: '#4a5260',
} as const;

/**
 * Colours of the caseload balancing: loads in the upcoming blue, an
 * overloaded caseworker in the overdue vermilion (and marked in words
 * too), the unit's mean in near-black, its bound in grey; before as an
 * outline, after filled; the municipality's on-time line in near-black
 * against each unit's blue.
 */
export const BALANCE_COLORS = {
  load: STATUS_COLORS.upcoming,
  overloaded: STATUS_COLORS.overdue,
  mean: '#1b1f24',
  bound: '#4a5260',
  before: '#1b1f24',
  after: STATUS_COLORS.upcoming,
  unit: STATUS_COLORS.upcoming,
  all: '#1b1f24',
} as const;

/** The levelling's rules as dash patterns, for the chart and its legend alike: the bound dotted, the capacity dashed. */
export const LOAD_DASHES = {
  bound: '2 3',
  capacity: '6 4',
} as const;
