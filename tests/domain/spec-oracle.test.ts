import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExport, type PipelineOptions } from '../../src/domain/analyze.ts';
import { exportBytes } from '../../src/cli/generate.ts';
import { VARIANT_NAMES, type GenerateOptions, type VariantName } from '../../src/domain/generate/index.ts';
import { SPEC_KEYS, specValue } from '../oracle/compare.ts';
import { addMonths, firstWorkday, levelJobs, lowerBoundOf, oracleWork, type Job, type OracleOptions, type OracleWork } from '../oracle/spec.ts';
import { allPlans, csv } from './helpers.ts';

/*
 * A differential test of the domain core against an independent oracle of
 * SPEC v2 (tests/oracle/spec.ts, written from the spec's text alone): on
 * generated exports of every variant, over a grid of options, and on small
 * exports made by hand for the corner cases, every key of SPEC §8 must be
 * the oracle's. The oracle itself is pinned by hand-worked figures and by
 * brute force first.
 */

/** The options as the core takes them; `catchUpWeeks` is SPEC v2's (§7.1). */
type Options = PipelineOptions & OracleOptions;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
function weekday(iso: string): string {
  return WEEKDAYS[(new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** A lazily computed pair: the core's analysis and the oracle's, for one input and options. */
function pair(input: () => Uint8Array | string, options: Options) {
  let memo: { core: object; oracle: OracleWork } | null = null;
  return () => {
    if (memo) return memo;
    const bytes = input();
    memo = { core: analyzeExport(bytes, options), oracle: oracleWork(bytes, options) };
    return memo;
  };
}

/** One `it` per key of SPEC §8, so a failure names the figure that differs. */
function agreesOnEveryKey(get: ReturnType<typeof pair>): void {
  it.each(SPEC_KEYS)('%s is the spec’s', (key) => {
    const { core, oracle } = get();
    expect(specValue(core, key, oracle.analysis)).toEqual(oracle.analysis[key]);
  });
}

function describeOptions(o: Options): string {
  const parts = [
    o.asOf ? `as of ${weekday(o.asOf)} ${o.asOf}` : 'as of the latest date',
    o.rules?.countTechnical ? 'technical counted' : 'real follow-ups',
    `first ${o.rules?.first ?? 3}/interval ${o.rules?.interval ?? 6}`,
    `lead ${o.leadWeeks ?? 4}`,
    `catch-up ${o.catchUpWeeks ?? 4}`,
    `horizon ${o.horizonMonths ?? 12}`,
  ];
  return parts.join(', ');
}

// ---------------------------------------------------------------- the oracle, by hand and by brute force

describe('the oracle', () => {
  it('adds months as date-fns does, clamped to the month’s end', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('finds the first workday after the as-of date: the next day from Monday to Thursday, Monday after a Friday or a weekend', () => {
    expect(firstWorkday('2025-06-23')).toBe('2025-06-24'); // Monday
    expect(firstWorkday('2025-06-26')).toBe('2025-06-27'); // Thursday
    expect(firstWorkday('2025-06-27')).toBe('2025-06-30'); // Friday
    expect(firstWorkday('2025-06-28')).toBe('2025-06-30'); // Saturday
    expect(firstWorkday('2025-06-29')).toBe('2025-06-30'); // Sunday
  });

  const job = fc.integer({ min: 0, max: 5 }).chain((due) => fc.integer({ min: 0, max: due }).map((release): Job => ({ release, due })));
  const instance = fc.record({ jobs: fc.array(job, { maxLength: 6 }), load: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }) });

  it('levels to the lowest peak any plan reaches, the bound, moving work as little as any such plan (brute force over every plan)', () => {
    fc.assert(
      fc.property(instance, ({ jobs, load }) => {
        let best = Infinity;
        let leastMoved = Infinity;
        for (const plan of allPlans(jobs)) {
          const perWeek = [...load];
          for (const w of plan) perWeek[w]!++;
          const peak = Math.max(0, ...perWeek);
          const moved = jobs.reduce((s, j, i) => s + j.due - plan[i]!, 0);
          if (peak < best) [best, leastMoved] = [peak, moved];
          else if (peak === best) leastMoved = Math.min(leastMoved, moved);
        }
        const levelled = levelJobs(jobs, load);
        expect(levelled.lowerBound).toBe(best);
        expect(levelled.levelledPeak).toBe(best);
        expect(levelled.meanDaysEarly).toBeCloseTo(jobs.length === 0 ? 0 : (7 * leastMoved) / jobs.length, 9);
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it('counts the backlog load in the bound: 9 jobs due in weeks 0–2 on a backlog of 5 and 4 need 6 a week', () => {
    const jobs = Array.from({ length: 9 }, (): Job => ({ release: 0, due: 2 }));
    expect(lowerBoundOf(jobs, [5, 4, 0, 0])).toBe(6);
    expect(levelJobs(jobs, [5, 4, 0, 0]).levelledPeak).toBe(6);
  });
});


// ---------------------------------------------------------------- hand-made exports

type Row = string[];
const start = (c: string, m: string, unit: string, date: string): Row => [c, m, unit, 'measure_start', date];
const followUp = (c: string, m: string, unit: string, date: string, nextDue = ''): Row => [c, m, unit, 'follow_up', date, nextDue];
const technical = (c: string, m: string, unit: string, date: string): Row => [c, m, unit, 'technical_follow_up', date];
const end = (c: string, m: string, unit: string, date: string): Row => [c, m, unit, 'measure_end', date];

/** `n` measures of unit A, each overdue as of 2025-06-25 (a Wednesday), due on the 1st of successive months. */
function backlogOf(n: number): string {
  return csv(...Array.from({ length: n }, (_, i) => start(`C${i + 1}`, 'M1', 'A', addMonths('2024-01-01', i))));
}

interface HandCase {
  name: string;
  text: string;
  options: Options;
  /** What the spec says, worked out by hand: checked against the oracle first. */
  byHand: (work: OracleWork) => void;
}

const month = (work: OracleWork, m: string) => work.analysis.months.indexOf(m);
const projectedDues = (work: OracleWork, measureId: string, caseId = 'C1') =>
  work.obligations.filter((o) => o.status === 'projected' && o.caseId === caseId && o.measureId === measureId).map((o) => o.due);

const HAND_CASES: HandCase[] = [
  {
    name: 'as of a Friday: plans from the next Monday, its backlog caught up from that day, jobs due on the Friday and the Sunday in w0',
    text: csv(
      start('C1', 'M1', 'A', '2024-11-01'), // due 2025-02-01: overdue
      start('C1', 'M2', 'A', '2025-03-01'), // due 2025-06-01, a Sunday: upcoming, before w0
      start('C1', 'M3', 'A', '2024-11-30'),
      followUp('C1', 'M3', 'A', '2025-02-27', '2025-05-30'), // next due the as-of Friday: upcoming
    ),
    options: { asOf: '2025-05-30' },
    byHand: (work) => {
      expect(work.w0Monday).toBe('2025-06-02');
      expect(work.backlog.A).toEqual([{ caseId: 'C1', measureId: 'M1', due: '2025-02-01', week: 0, day: '2025-06-02' }]);
      expect(projectedDues(work, 'M1')).toEqual(['2025-12-02']);
      expect(projectedDues(work, 'M3')).toEqual(['2025-11-30', '2026-05-30']);
      expect(work.analysis.status.A).toEqual({ done_on_time: 1, done_late: 0, overdue: 1, upcoming: 2, missed: 0, projected: 4 });
      // Jobs: M2 and M3 in w0, M3's successor on 2025-11-30 (the Sunday of w25); M1's and M2's successors fall after w25.
      expect(work.analysis.levelling.A).toEqual({ jobs: 3, backlog: 1, baselinePeak: 3, shiftPeak: 3, levelledPeak: 3, lowerBound: 3, meanDaysEarly: 0 });
    },
  },
  {
    name: 'as of a Sunday: plans from the next day, the backlog in due order over four weeks',
    text: csv(
      start('C1', 'M1', 'A', '2024-11-01'), // due 2025-02-01: overdue
      start('C1', 'M2', 'A', '2025-03-01'), // due 2025-06-01, the as-of Sunday: upcoming
      start('C1', 'M3', 'A', '2024-11-30'),
      followUp('C1', 'M3', 'A', '2025-02-27', '2025-05-30'), // due 2025-05-30: overdue
    ),
    options: { asOf: '2025-06-01' },
    byHand: (work) => {
      expect(work.w0Monday).toBe('2025-06-02');
      expect(work.backlog.A!.map((b) => [b.measureId, b.week, b.day])).toEqual([
        ['M1', 0, '2025-06-02'],
        ['M3', 2, '2025-06-16'],
      ]);
      expect(work.backlogLoad.A!.slice(0, 4)).toEqual([1, 0, 1, 0]);
      expect(projectedDues(work, 'M3')).toEqual(['2025-12-16', '2026-06-16']);
      expect(work.analysis.levelling.A).toEqual({ jobs: 1, backlog: 2, baselinePeak: 2, shiftPeak: 2, levelledPeak: 2, lowerBound: 2, meanDaysEarly: 0 });
    },
  },
  {
    name: 'a backlog of 1 is done in the first week',
    text: backlogOf(1),
    options: { asOf: '2025-06-25' },
    byHand: (work) => {
      expect(work.backlogLoad.A!.slice(0, 3)).toEqual([1, 0, 0]);
      expect(work.backlog.A![0]!.day).toBe('2025-06-26');
      expect(work.analysis.levelling.A).toEqual({ jobs: 0, backlog: 1, baselinePeak: 1, shiftPeak: 1, levelledPeak: 1, lowerBound: 1, meanDaysEarly: 0 });
    },
  },
  {
    name: 'a backlog of 3 over 4 weeks is done one a week in weeks 0, 1 and 2, its successors 6 months after those days',
    text: backlogOf(3),
    options: { asOf: '2025-06-25', catchUpWeeks: 4 },
    byHand: (work) => {
      expect(work.backlogLoad.A!.slice(0, 5)).toEqual([1, 1, 1, 0, 0]);
      expect(work.backlog.A!.map((b) => b.day)).toEqual(['2025-06-26', '2025-07-03', '2025-07-10']);
      const due = work.analysis.dueByUnitMonth.A!;
      expect([due[month(work, '2025-12')], due[month(work, '2026-01')], due[month(work, '2026-06')]]).toEqual([1, 2, 1]);
      expect(work.analysis.levelling.A).toMatchObject({ jobs: 0, backlog: 3, baselinePeak: 1, lowerBound: 1, levelledPeak: 1 });
    },
  },
  {
    name: 'a backlog of 9 over 2 weeks is 5 in the first and 4 in the second',
    text: backlogOf(9),
    options: { asOf: '2025-06-25', catchUpWeeks: 2 },
    byHand: (work) => {
      expect(work.backlogLoad.A!.slice(0, 3)).toEqual([5, 4, 0]);
      expect(work.analysis.levelling.A).toMatchObject({ jobs: 0, backlog: 9, baselinePeak: 5, shiftPeak: 5, lowerBound: 5, levelledPeak: 5 });
    },
  },
  {
    name: 'ties in the backlog go by case id, then measure id, code unit by code unit ("C10" before "C9", "M10" before "M9")',
    // All three fall due on 2025-03-01 in A, then move to their own unit by a technical registration (not counted).
    text: csv(
      start('C9', 'M9', 'A', '2024-12-01'),
      technical('C9', 'M9', 'X2', '2025-04-01'),
      start('C9', 'M10', 'A', '2024-12-01'),
      technical('C9', 'M10', 'X1', '2025-04-01'),
      start('C10', 'M5', 'A', '2024-12-01'),
      technical('C10', 'M5', 'X0', '2025-04-01'),
    ),
    options: { asOf: '2025-06-25', catchUpWeeks: 26 },
    byHand: (work) => {
      // floor(i × 26 / 3) = 0, 8, 17 weeks after Thursday 2025-06-26.
      expect(work.backlog.A!.map((b) => [b.caseId, b.measureId, b.week, b.day])).toEqual([
        ['C10', 'M5', 0, '2025-06-26'],
        ['C9', 'M10', 8, '2025-08-21'],
        ['C9', 'M9', 17, '2025-10-23'],
      ]);
      const due = work.analysis.dueByUnitMonth;
      expect(due.X0![month(work, '2025-12')]).toBe(1);
      expect(due.X0![month(work, '2026-06')]).toBe(1);
      expect(due.X1![month(work, '2026-02')]).toBe(1);
      expect(due.X2![month(work, '2026-04')]).toBe(1);
      expect(work.analysis.units).toEqual(['A', 'X0', 'X1', 'X2']);
      expect(work.analysis.registration.X1).toEqual({ measures: 1, flaggedLate: 1, flaggedLateAsRegistered: 1, overdueNow: 1 });
      expect(work.analysis.registration.A).toEqual({ measures: 0, flaggedLate: 0, flaggedLateAsRegistered: 0, overdueNow: 0 });
    },
  },
  {
    name: 'the registration flag recovers after exactly two on-time follow-ups and not after one; a missed one sets it late; technical follow-ups count only as registered',
    text: csv(
      // M1: late, on time, on time: on time again.
      start('C1', 'M1', 'R', '2024-01-01'),
      followUp('C1', 'M1', 'R', '2024-04-15'),
      followUp('C1', 'M1', 'R', '2024-10-01'),
      followUp('C1', 'M1', 'R', '2025-03-20'),
      // M2: late, on time, then upcoming: still late.
      start('C2', 'M1', 'R', '2024-06-01'),
      followUp('C2', 'M1', 'R', '2024-09-10'),
      followUp('C2', 'M1', 'R', '2025-03-01'),
      // M3: on time, then missed at the end: late, not overdue.
      start('C3', 'M1', 'R', '2024-01-01'),
      followUp('C3', 'M1', 'R', '2024-03-01'),
      end('C3', 'M1', 'R', '2024-12-31'),
      // M4: only technical registrations: overdue really, on time as registered.
      start('C4', 'M1', 'R', '2024-06-01'),
      technical('C4', 'M1', 'R', '2024-08-20'),
      technical('C4', 'M1', 'R', '2025-02-10'),
      // M5: only an upcoming obligation: not counted.
      start('C5', 'M1', 'R', '2025-05-01'),
      // M6: always on time; a technical registration before the months of the figures.
      start('C6', 'M1', 'R', '2024-01-01'),
      technical('C6', 'M1', 'R', '2024-03-15'),
      followUp('C6', 'M1', 'R', '2024-03-20'),
      followUp('C6', 'M1', 'R', '2024-09-01'),
      followUp('C6', 'M1', 'R', '2025-03-01'),
    ),
    options: { asOf: '2025-06-30' },
    byHand: (work) => {
      expect(work.analysis.registration.R).toEqual({ measures: 5, flaggedLate: 3, flaggedLateAsRegistered: 2, overdueNow: 1 });
      expect(work.analysis.technicalFollowUps.R).toBe(3);
      const technicalByMonth = work.analysis.technicalByUnitMonth.R!;
      expect(technicalByMonth[month(work, '2024-08')]).toBe(1);
      expect(technicalByMonth[month(work, '2025-02')]).toBe(1);
      expect(technicalByMonth.reduce((a, b) => a + b, 0)).toBe(2);
    },
  },
  {
    name: 'the registration statistic does not change when technical follow-ups are counted in the other figures',
    text: csv(
      start('C4', 'M1', 'R', '2024-06-01'),
      technical('C4', 'M1', 'R', '2024-08-20'),
      technical('C4', 'M1', 'R', '2025-02-10'),
    ),
    options: { asOf: '2025-06-30', rules: { countTechnical: true } },
    byHand: (work) => {
      expect(work.analysis.status.R).toMatchObject({ done_on_time: 2, overdue: 0, upcoming: 1 });
      expect(work.analysis.registration.R).toEqual({ measures: 1, flaggedLate: 1, flaggedLateAsRegistered: 0, overdueNow: 1 });
    },
  },
  {
    name: 'a measure transferred between units: each obligation in the unit of its time, the backlog and the statistic in the new one',
    text: csv(
      start('C7', 'M1', 'Amager', '2024-01-10'),
      followUp('C7', 'M1', 'Amager', '2024-04-01'),
      followUp('C7', 'M1', 'Valby', '2024-09-15'), // moved: the next obligation, due 2025-03-15, is overdue in Valby
      start('C8', 'M1', 'Amager', '2025-01-02'),
      technical('C8', 'M1', 'Valby', '2025-01-02'), // same date, later in the file: Valby
    ),
    options: { asOf: '2025-06-30' },
    byHand: (work) => {
      const { status, registration, technicalFollowUps } = work.analysis;
      expect(status.Amager).toEqual({ done_on_time: 1, done_late: 0, overdue: 0, upcoming: 0, missed: 0, projected: 0 });
      expect(status.Valby).toMatchObject({ done_on_time: 1, overdue: 2, projected: 2 });
      expect(work.backlog.Valby!.map((b) => [b.caseId, b.day])).toEqual([
        ['C7', '2025-07-01'],
        ['C8', '2025-07-15'],
      ]);
      expect(projectedDues(work, 'M1', 'C7')).toEqual(['2026-01-01']);
      expect(registration.Valby).toEqual({ measures: 2, flaggedLate: 2, flaggedLateAsRegistered: 1, overdueNow: 2 });
      expect(registration.Amager).toEqual({ measures: 0, flaggedLate: 0, flaggedLateAsRegistered: 0, overdueNow: 0 });
      expect(technicalFollowUps).toEqual({ Amager: 0, Valby: 1 });
    },
  },
  {
    name: 'as of a Friday at a month’s end with a 6-month horizon: a successor due after the forecast’s last day is not projected, so not a job, though inside w25',
    // The oracle's reading of §5.5 ("while their due date is within the last month of the forecast range"):
    // w25 ends Sunday 2025-08-03, the forecast on 2025-07-31.
    text: csv(start('C1', 'M1', 'A', '2024-11-01')), // due Saturday 2025-02-01: upcoming, in w0
    options: { asOf: '2025-01-31', horizonMonths: 6 },
    byHand: (work) => {
      expect(work.w0Monday).toBe('2025-02-03');
      expect(work.analysis.months.at(-1)).toBe('2025-07');
      expect(work.analysis.status.A).toMatchObject({ upcoming: 1, projected: 0 });
      expect(work.analysis.levelling.A).toEqual({ jobs: 1, backlog: 0, baselinePeak: 1, shiftPeak: 1, levelledPeak: 1, lowerBound: 1, meanDaysEarly: 0 });
    },
  },
];

describe('hand-made exports', () => {
  for (const c of HAND_CASES) {
    describe(c.name, () => {
      const get = pair(() => c.text, c.options);
      it('the oracle gives the figures worked out by hand', () => c.byHand(get().oracle));
      agreesOnEveryKey(get);
    });
  }
});

// ---------------------------------------------------------------- generated exports

interface GeneratedCase {
  variant: VariantName;
  generate: GenerateOptions;
  options: Options;
}

/*
 * Every variant, every as-of weekday, and each option value at least once:
 * countTechnical on/off; first/interval 3/6, 1/3, 2/4, 6/12, 1/2; lead
 * 0/4/12; catch-up 1/2/4/26; horizon 6/12. Two exports have 2,000 measures.
 */
const GENERATED: GeneratedCase[] = [
  { variant: 'canonical', generate: { seed: 11, measures: 700 }, options: {} },
  { variant: 'danish-excel', generate: { seed: 12, measures: 700, asOf: '2026-10-30' }, options: { asOf: '2026-10-30', rules: { countTechnical: true }, leadWeeks: 12, catchUpWeeks: 1, horizonMonths: 6 } },
  { variant: 'tab', generate: { seed: 13, measures: 700, asOf: '2026-11-01' }, options: { asOf: '2026-11-01', rules: { first: 1, interval: 3 }, leadWeeks: 0, catchUpWeeks: 2 } },
  { variant: 'bom', generate: { seed: 14, measures: 700 }, options: { asOf: '2026-10-26', rules: { first: 2, interval: 4, countTechnical: true }, catchUpWeeks: 26, horizonMonths: 6 } },
  { variant: 'canonical', generate: { seed: 15, measures: 700 }, options: { asOf: '2026-10-27', rules: { first: 6, interval: 12 }, leadWeeks: 12, catchUpWeeks: 4 } },
  { variant: 'danish-excel', generate: { seed: 16, measures: 700, badRows: 0.05, duplicates: 0.05 }, options: { asOf: '2026-10-28', rules: { countTechnical: true }, leadWeeks: 0, catchUpWeeks: 26 } },
  { variant: 'tab', generate: { seed: 17, measures: 700 }, options: { asOf: '2026-10-29', catchUpWeeks: 1, horizonMonths: 6 } },
  { variant: 'bom', generate: { seed: 18, measures: 700, asOf: '2025-01-31' }, options: { asOf: '2025-01-31', leadWeeks: 12, catchUpWeeks: 2, horizonMonths: 6 } },
  { variant: 'canonical', generate: { seed: 19, measures: 2000 }, options: { asOf: '2026-08-15', rules: { countTechnical: true } } },
  { variant: 'danish-excel', generate: { seed: 20, measures: 2000 }, options: { asOf: '2026-09-04', rules: { first: 1, interval: 2 }, catchUpWeeks: 2 } },
];

const exportsMade = new Map<string, Uint8Array>();
function exportOf(c: GeneratedCase): Uint8Array {
  const key = JSON.stringify([c.variant, c.generate]);
  let bytes = exportsMade.get(key);
  if (!bytes) {
    bytes = exportBytes(c.generate, c.variant);
    exportsMade.set(key, bytes);
  }
  return bytes;
}

describe('generated exports', () => {
  it('cover every variant, every weekday as the as-of date, and every option value of the grid', () => {
    const asOfs = GENERATED.flatMap((c) => c.options.asOf ?? []);
    expect(new Set(asOfs.map(weekday))).toEqual(new Set(WEEKDAYS));
    expect(new Set(GENERATED.map((c) => c.variant))).toEqual(new Set(VARIANT_NAMES));
    const values = <T>(f: (o: Options) => T) => new Set(GENERATED.map((c) => f(c.options)));
    expect(values((o) => o.rules?.countTechnical ?? false)).toEqual(new Set([false, true]));
    expect(values((o) => o.leadWeeks ?? 4)).toEqual(new Set([0, 4, 12]));
    expect(values((o) => o.catchUpWeeks ?? 4)).toEqual(new Set([1, 2, 4, 26]));
    expect(values((o) => o.horizonMonths ?? 12)).toEqual(new Set([6, 12]));
    expect(values((o) => `${o.rules?.first ?? 3}/${o.rules?.interval ?? 6}`).size).toBeGreaterThanOrEqual(4);
  });

  for (const c of GENERATED) {
    const what = `${c.variant}, seed ${c.generate.seed}, ${c.generate.measures} measures`;
    describe(`${what}; ${describeOptions(c.options)}`, () => {
      agreesOnEveryKey(pair(() => exportOf(c), c.options));
    });
  }
});
