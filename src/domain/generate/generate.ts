import { addDays, addMonths, isRealDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { badRows, duplicateRows } from './defects.ts';
import { toFileOrder, type Draft } from './draft.ts';
import { caseId, MAX_IDS, measureId } from './ids.ts';
import { pickCaseworker, simulateMeasure, type MeasureWorld } from './measure.ts';
import { MEASURE_TYPE_WEIGHTS } from './measureTypes.ts';
import { createRng } from './random.ts';
import type { GeneratedRow } from './row.ts';
import { MONTH_WEIGHTS, seasonalSampler } from './seasonal.ts';
import { buildRosters, DEFAULT_UNITS, type UnitProfile } from './units.ts';

export interface GenerateOptions {
  /** Any integer; the same seed and options give the same rows. */
  seed: number;
  /** Number of measures (the good ones; bad rows come on top). */
  measures: number;
  /** No row is dated after this day (default '2026-10-31'). */
  asOf?: IsoDate;
  /** Months before the as-of date in which measures start (default 30). */
  spanMonths?: number;
  /** Deliberately bad rows, as a share of the good rows (default 0.003; 0 for none). */
  badRows?: number;
  /** Share of rows exported twice (default 0.004; 0 for none). */
  duplicates?: number;
  /** The units and their habits (default DEFAULT_UNITS). */
  units?: readonly UnitProfile[];
  /** Relative number of starts in each calendar month, January first (default MONTH_WEIGHTS: the school year's). */
  monthWeights?: readonly number[];
}

export const DEFAULT_AS_OF: IsoDate = '2026-10-31';
const DEFAULTS = { spanMonths: 30, badRows: 0.003, duplicates: 0.004 };
/** Measures per case: one (70 %), two (20 %) or three (10 %). */
const MEASURES_PER_CASE: readonly number[] = [0.7, 0.2, 0.1];
/** A sibling measure stays with the case's caseworker this often. */
const SAME_CASEWORKER = 0.8;

/**
 * Generates the event rows of a synthetic export (SPEC §3), in file order.
 * Pure and deterministic: no clock, no Math.random, no I/O.
 * @example generateRows({ seed: 1, measures: 2000 }).length // about 9,000 rows
 */
export function generateRows(options: GenerateOptions): GeneratedRow[] {
  const opts = checkOptions(options);
  const rng = createRng(opts.seed);
  const rosters = buildRosters(rng, opts.units);
  const world: MeasureWorld = { rng, rosters, asOf: opts.asOf, first: 3, interval: 6 };
  const sampleStart = seasonalSampler(addDays(addMonths(opts.asOf, -opts.spanMonths), 1), opts.asOf, opts.monthWeights);
  const unitWeights = opts.units.map((u) => u.weight);
  const caseOffset = rng.int(0, MAX_IDS - 1);
  const measureOffset = rng.int(0, MAX_IDS - 1);

  const drafts: Draft[] = [];
  let cases = 0;
  for (let m = 0; m < opts.measures; cases++) {
    const unit = rng.weighted(unitWeights);
    const roster = rosters[unit];
    if (!roster) break;
    const caseworker = pickCaseworker(rng, roster);
    const siblings = Math.min(rng.weighted(MEASURES_PER_CASE) + 1, opts.measures - m);
    for (let s = 0; s < siblings; s++, m++) {
      const plan = {
        caseId: caseId(cases, caseOffset),
        measureId: measureId(m, measureOffset),
        type: rng.weighted(MEASURE_TYPE_WEIGHTS),
        unit,
        caseworker: s === 0 || rng.chance(SAME_CASEWORKER) ? caseworker : pickCaseworker(rng, roster),
        start: sampleStart(rng),
      };
      for (const d of simulateMeasure(world, plan)) drafts.push(d);
    }
  }

  const duplicates = duplicateRows(rng, drafts, opts.duplicates);
  const orphans = (i: number) => ({ caseId: caseId(cases + i, caseOffset), measureId: measureId(opts.measures + i, measureOffset) });
  const bad = badRows(rng, drafts, Math.round(opts.badRows * drafts.length), orphans);
  return toFileOrder([...drafts, ...duplicates, ...bad]);
}

type CheckedOptions = Required<GenerateOptions>;

function checkOptions(o: GenerateOptions): CheckedOptions {
  const asOf = o.asOf ?? DEFAULT_AS_OF;
  const checked: CheckedOptions = { ...DEFAULTS, units: DEFAULT_UNITS, monthWeights: MONTH_WEIGHTS, ...stripUndefined(o), seed: o.seed, measures: o.measures, asOf };
  if (!Number.isInteger(checked.seed)) throw new RangeError(`invalid seed: ${o.seed} (use an integer)`);
  if (!Number.isInteger(checked.measures) || checked.measures < 0 || checked.measures > MAX_IDS / 2) {
    throw new RangeError(`invalid measures: ${o.measures} (use an integer from 0 to ${MAX_IDS / 2})`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(+asOf.slice(0, 4), +asOf.slice(5, 7), +asOf.slice(8, 10))) {
    throw new RangeError(`invalid asOf: ${asOf} (use a real date as YYYY-MM-DD)`);
  }
  for (const key of ['badRows', 'duplicates'] as const) {
    const share = checked[key];
    if (!(share >= 0 && share <= 1)) throw new RangeError(`invalid ${key}: ${share} (use a share from 0 to 1)`);
  }
  if (!Number.isInteger(checked.spanMonths) || checked.spanMonths < 1) {
    throw new RangeError(`invalid spanMonths: ${o.spanMonths} (use a whole number of months, at least 1)`);
  }
  if (checked.units.length === 0) throw new RangeError('invalid units: the list is empty');
  const weights = checked.monthWeights;
  if (weights.length !== 12 || !weights.every((w) => Number.isFinite(w) && w >= 0) || !weights.some((w) => w > 0)) {
    throw new RangeError(`invalid monthWeights: ${JSON.stringify(weights)} (use 12 weights of 0 or more, January first, not all 0)`);
  }
  return checked;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
