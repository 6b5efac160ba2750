import type { Registration } from '../aggregate/registrations.ts';
import { addDays, addMonths } from '../calendar.ts';
import { createRng } from '../generate/random.ts';
import { parseDate } from '../import/dates.ts';
import type { IsoDate } from '../types.ts';
import { allocate, sampleSize, type SampleSize, type SizeRule } from './size.ts';

/*
 * The sample audit's drawing (SPEC §9): the registrations of a period in
 * strata by their own unit, a sample size by the rule, one sample
 * allocated in proportion or one per unit, drawn without replacement from
 * a seeded generator, so the same file, settings and seed give the same
 * sample in the page and on the command line.
 */

export interface AuditSettings extends SizeRule {
  /** Each unit its own sample by the rule, instead of one sample allocated in proportion. */
  perUnit: boolean;
  /** The generator's seed, a whole number from 0 to 2³² − 1. */
  seed: number;
}

export const AUDIT_DEFAULTS: Readonly<Omit<AuditSettings, 'seed'>> = { confidence: 0.95, tolerable: 0.05, allowed: 0, perUnit: false };
export const MAX_SEED = 0xffffffff;

/** The period of the population, both days included. */
export interface AuditPeriod {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The confidence and tolerable rate with defaults filled in, or a RangeError
 * that says what to give (what the result of a checklist needs).
 * @example auditRule({ confidence: 0.9 }) // { confidence: 0.9, tolerable: 0.05 }
 */
export function auditRule(given: Partial<Pick<SizeRule, 'confidence' | 'tolerable'>> = {}): Pick<SizeRule, 'confidence' | 'tolerable'> {
  const { confidence = AUDIT_DEFAULTS.confidence, tolerable = AUDIT_DEFAULTS.tolerable } = given;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`invalid confidence: ${confidence} (a fraction between 0 and 1, e.g. 0.95)`);
  if (!(tolerable > 0 && tolerable < 1)) throw new RangeError(`invalid tolerable rate: ${tolerable} (a fraction between 0 and 1, e.g. 0.05)`);
  return { confidence, tolerable };
}

/**
 * The settings with defaults filled in, or a RangeError that says what to give.
 * @example auditSettings({ seed: 7 }) // { confidence: 0.95, tolerable: 0.05, allowed: 0, perUnit: false, seed: 7 }
 */
export function auditSettings(given: Partial<AuditSettings> & Pick<AuditSettings, 'seed'>): AuditSettings {
  const s = { ...AUDIT_DEFAULTS, ...given, ...auditRule(given) };
  if (!Number.isInteger(s.allowed) || s.allowed < 0) throw new RangeError(`invalid allowed deviations: ${s.allowed} (a whole number, at least 0)`);
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > MAX_SEED) throw new RangeError(`invalid seed: ${s.seed} (a whole number from 0 to ${MAX_SEED})`);
  return s;
}

/** Fresh seeds stay below a billion: nine digits at most never look like a CPR number (ten digits) in a link or a report. */
const FRESH_SEEDS = 1_000_000_000;

/**
 * A fresh seed for a new sample, from the platform's cryptographic generator
 * (browser and Node alike), 0 to 999,999,999; any seed to MAX_SEED may be given.
 */
export function newSeed(): number {
  const [a, b] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  // 2⁵³ is not a multiple of a billion, but the bias of one part in 9 million is far below what a sample notices.
  return (a! * 0x200000 + (b! >>> 11)) % FRESH_SEEDS;
}

/**
 * The population's period: `from` and `to` as given, by default the 3
 * months up to the as-of date (`addMonths(asOf, -3)` left out, as-of included).
 * @example auditPeriod('2025-06-30') // { from: '2025-03-31', to: '2025-06-30' }
 */
export function auditPeriod(asOf: IsoDate, from?: IsoDate | null, to?: IsoDate | null): AuditPeriod {
  const period = { from: from ?? addDays(addMonths(asOf, -3), 1), to: to ?? asOf };
  for (const [name, d] of Object.entries(period)) {
    if (parseDate(d) !== d) throw new RangeError(`invalid ${name} date: ${JSON.stringify(d)} (use YYYY-MM-DD)`);
  }
  if (period.from > period.to) throw new RangeError(`invalid period: ${period.from} is after ${period.to}`);
  return period;
}

/** One unit's part of the audit. */
export interface AuditStratum {
  unit: string;
  /** N_h: its registrations in the period. */
  population: number;
  /** n_h: how many of them are drawn. */
  sample: number;
  /** With per unit: the rule's sample size for this stratum alone. */
  size: SampleSize | null;
}

export interface AuditPlan {
  period: AuditPeriod;
  settings: AuditSettings;
  strata: AuditStratum[];
  total: { population: number; sample: number };
  /** With one sample: the rule's size for the whole population, before it is allocated. */
  size: SampleSize | null;
  /** The drawn registrations, by unit (in the strata's order), then by line. */
  sample: Registration[];
}

/**
 * Draws the sample of SPEC §9 from the registrations (in file order), in
 * strata by `units` (Danish order; a unit with no registration in the
 * period is a stratum of 0).
 * @example drawAudit(rows, units, auditPeriod(asOf), auditSettings({ seed: 7 })).total.sample // 59 for a large population
 */
export function drawAudit(rows: readonly Registration[], units: readonly string[], period: AuditPeriod, settings: AuditSettings): AuditPlan {
  const byUnit = new Map<string, Registration[]>(units.map((u) => [u, []]));
  for (const r of rows) if (r.date >= period.from && r.date <= period.to) byUnit.get(r.unit)?.push(r);
  const strata = units.map((unit) => byUnit.get(unit)!);
  const population = strata.reduce((s, list) => s + list.length, 0);

  const size = settings.perUnit ? null : sampleSize(population, settings);
  const sizes = strata.map((list) => (settings.perUnit ? sampleSize(list.length, settings) : null));
  const counts = size ? allocate(size.n, strata.map((list) => list.length)) : sizes.map((s) => s!.n);

  const rng = createRng(settings.seed);
  const sample: Registration[] = [];
  strata.forEach((list, h) => {
    // A partial Fisher–Yates shuffle: the first n_h places hold a simple random sample without replacement.
    const pool = list.slice();
    const n = counts[h]!;
    for (let i = 0; i < n; i++) {
      const j = rng.int(i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    sample.push(...pool.slice(0, n).sort((a, b) => a.line - b.line));
  });

  return {
    period,
    settings,
    strata: units.map((unit, h) => ({ unit, population: strata[h]!.length, sample: counts[h]!, size: sizes[h]! })),
    total: { population, sample: sample.length },
    size,
    sample,
  };
}
