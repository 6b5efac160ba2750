import type { OracleAnalysis } from './spec.ts';

/** The keys of SPEC §8, each compared on its own so a failure names the figure. */
export const SPEC_KEYS = [
  'asOf',
  'rows',
  'rejections',
  'units',
  'months',
  'dueByUnitMonth',
  'status',
  'cfd',
  'levelling',
  'technicalFollowUps',
  'technicalByUnitMonth',
  'registration',
] as const satisfies readonly (keyof OracleAnalysis)[];

export type SpecKey = (typeof SPEC_KEYS)[number];

const FIELDS = {
  status: ['done_on_time', 'done_late', 'overdue', 'upcoming', 'missed', 'projected'],
  cfd: ['date', 'created', 'done', 'missed', 'overdue', 'upcoming'],
  levelling: ['jobs', 'backlog', 'baselinePeak', 'shiftPeak', 'levelledPeak', 'lowerBound', 'meanDaysEarly'],
  registration: ['measures', 'flaggedLate', 'flaggedLateAsRegistered', 'overdueNow'],
} as const;

type Loose = Record<string, unknown>;

function pick(value: unknown, fields: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(fields.map((f) => [f, (value as Loose)[f]]));
}

function perUnit(value: unknown, f: (v: unknown) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Loose).map(([unit, v]) => [unit, f(v)]));
}

/**
 * One key of an analysis (the app's, or the command line's JSON) as the
 * spec defines it: extra keys the spec allows ("more keys may be added")
 * left out, rejections by line only, and a meanDaysEarly within 0.01 of
 * the oracle's taken as the oracle's.
 */
export function specValue(analysis: object, key: SpecKey, oracle: OracleAnalysis): unknown {
  const value = (analysis as Loose)[key];
  switch (key) {
    case 'rejections':
      return Array.isArray(value) ? value.map((r: Loose) => ({ line: r.line })) : value;
    case 'status':
      return perUnit(value, (v) => pick(v, FIELDS.status));
    case 'cfd':
      return perUnit(value, (points) => (Array.isArray(points) ? points.map((p) => pick(p, FIELDS.cfd)) : points));
    case 'registration':
      return perUnit(value, (v) => pick(v, FIELDS.registration));
    case 'levelling':
      return Object.fromEntries(
        Object.entries((value ?? {}) as Record<string, Loose>).map(([unit, v]) => {
          const picked = pick(v, FIELDS.levelling) as Loose;
          const ours = oracle.levelling[unit]?.meanDaysEarly;
          const theirs = picked.meanDaysEarly;
          if (typeof ours === 'number' && typeof theirs === 'number' && Math.abs(ours - theirs) <= 0.01) picked.meanDaysEarly = ours;
          return [unit, picked];
        }),
      );
    default:
      return value;
  }
}
