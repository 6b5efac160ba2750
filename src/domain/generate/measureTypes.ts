/**
 * The kinds of measure, how common each is and how long one usually runs.
 * Durations are log-normal around the median, so a few run for years.
 */
export interface MeasureType {
  name: string;
  weight: number;
  /** Median duration in days. */
  medianDays: number;
}

export const MEASURE_TYPES: readonly MeasureType[] = [
  { name: 'forebyggende', weight: 0.3, medianDays: 300 },
  { name: 'familiebehandling', weight: 0.2, medianDays: 240 },
  { name: 'kontaktperson', weight: 0.15, medianDays: 420 },
  { name: 'aflastning', weight: 0.1, medianDays: 520 },
  { name: 'anbringelse i plejefamilie', weight: 0.12, medianDays: 1000 },
  { name: 'anbringelse på døgninstitution', weight: 0.06, medianDays: 700 },
  { name: 'efterværn', weight: 0.07, medianDays: 365 },
];

/** The weights of MEASURE_TYPES, for Rng.weighted. */
export const MEASURE_TYPE_WEIGHTS: readonly number[] = MEASURE_TYPES.map((t) => t.weight);
