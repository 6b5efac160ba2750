import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { deriveExport } from '../../src/domain/analyze.ts';
import { registrationRows, type Registration } from '../../src/domain/aggregate/registrations.ts';
import {
  newSeed,
  allocate,
  auditPeriod,
  auditResult,
  auditSettings,
  checklistCells,
  ChecklistRefused,
  compareChecklist,
  drawAudit,
  hypergeometricCdf,
  readChecklist,
  sampleSize,
  tolerableDeviations,
  upperBound,
} from '../../src/domain/audit/index.ts';
import { formulaSafeCsv as writeCsv } from '../../src/domain/export/csv.ts';
import { generateRows, exportText as generatedText } from '../../src/domain/generate/index.ts';

/*
 * The sample audit (SPEC §9): sample size, allocation, drawing, the
 * checklist and its result. The distributions are held against exact sums
 * in whole numbers, not against the library's own arithmetic.
 */

const RULE = { confidence: 0.95, tolerable: 0.05, allowed: 0 };

/** n choose k, exactly. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** P(X ≤ x) for the hypergeometric, as an exact fraction [numerator, denominator]. */
function exactHypergeometric(x: number, N: number, D: number, n: number): [bigint, bigint] {
  let num = 0n;
  for (let i = 0; i <= x; i++) num += choose(D, i) * choose(N - D, n - i);
  return [num, choose(N, n)];
}

/** The spec's rule by brute force: the smallest n with P(X ≤ k) ≤ 1 − C, exactly; 1 − C given as the fraction 1/q. */
function bruteSampleSize(N: number, tolerable: number, allowed: number, q: bigint): number {
  const D = tolerableDeviations(N, tolerable);
  for (let n = 0; n <= N; n++) {
    const [num, den] = exactHypergeometric(allowed, N, D, n);
    if (num * q <= den) return n;
  }
  return N;
}

describe('the sample size (SPEC §9, attribute sampling)', () => {
  it('is 59 for a large population at 95 % confidence, 5 % tolerable and no deviation allowed', () => {
    expect(sampleSize(100_000, RULE).n).toBe(59);
    expect(sampleSize(1_000_000, RULE).n).toBe(59);
  });

  it('is 93 with one deviation allowed', () => {
    expect(sampleSize(100_000, { ...RULE, allowed: 1 }).n).toBe(93);
  });

  it('is smaller for a finite population, and says why with the chances at n and n − 1', () => {
    const size = sampleSize(1000, RULE);
    expect(size).toMatchObject({ population: 1000, deviations: 50, n: 57, whole: false });
    expect(size.chance).toBeLessThanOrEqual(0.05);
    expect(size.chanceBelow).toBeGreaterThan(0.05);
  });

  it('is the whole population when it is smaller than any sample that would do', () => {
    // D = ceil(0.05 × 10) = 1 deviation, and one is allowed: no sample can show more.
    expect(sampleSize(10, { ...RULE, allowed: 1 })).toMatchObject({ n: 10, whole: true });
    expect(sampleSize(3, RULE)).toMatchObject({ n: 3, deviations: 1, whole: true });
    expect(sampleSize(0, RULE)).toMatchObject({ n: 0, whole: false });
  });

  it('reads the tolerable deviations as the rate written: 7 % of 100 is 7', () => {
    expect(tolerableDeviations(100, 0.07)).toBe(7);
    expect(tolerableDeviations(1000, 0.05)).toBe(50);
    expect(tolerableDeviations(101, 0.05)).toBe(6);
  });

  it('agrees with an exact brute force over every small population', () => {
    for (const [confidence, q] of [[0.95, 20n], [0.9, 10n], [0.99, 100n]] as const) {
      for (const tolerable of [0.05, 0.1, 0.25]) {
        for (const allowed of [0, 1, 2]) {
          for (let N = 0; N <= 70; N++) {
            expect(sampleSize(N, { confidence, tolerable, allowed }).n, `N=${N} C=${confidence} T=${tolerable} k=${allowed}`).toBe(bruteSampleSize(N, tolerable, allowed, q));
          }
        }
      }
    }
  });

  it('uses a hypergeometric CDF equal to the exact sums of its probabilities', () => {
    for (const [x, N, D, n] of [[0, 20, 3, 5], [1, 40, 7, 12], [2, 60, 10, 30], [0, 1000, 50, 59], [3, 200, 20, 50]] as const) {
      const [num, den] = exactHypergeometric(x, N, D, n);
      expect(hypergeometricCdf(x, N, D, n)).toBeCloseTo(Number((num * 10n ** 15n) / den) / 1e15, 12);
    }
  });
});

describe('the allocation of one sample to the units (largest remainder)', () => {
  it('gives each unit its share in proportion, the remainders to the largest fractions', () => {
    expect(allocate(10, [50, 30, 20])).toEqual([5, 3, 2]);
    // 59 × (500, 300, 200) / 1000 = 29.5, 17.7, 11.8: floors 29, 17, 11, and the two left go to .8 and .7.
    expect(allocate(59, [500, 300, 200])).toEqual([29, 18, 12]);
  });

  it('breaks a tie in the Danish order of the units: the earlier stratum first', () => {
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(1, [3, 3])).toEqual([1, 0]);
  });

  it('always sums to n, never gives a stratum more than it has, and rounds up only the largest remainders', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(400), { minLength: 1, maxLength: 9 }), fc.nat(1000), (sizes, k) => {
        const total = sizes.reduce((s, x) => s + x, 0);
        const n = total === 0 ? 0 : k % (total + 1);
        const out = allocate(n, sizes);
        expect(out.reduce((s, x) => s + x, 0)).toBe(n);
        const remainders = sizes.map((size) => (total === 0 ? 0 : (n * size) % total));
        sizes.forEach((size, i) => {
          const floor = total === 0 ? 0 : Math.floor((n * size) / total);
          expect(out[i]).toBeLessThanOrEqual(size);
          expect([floor, floor + 1]).toContain(out[i]);
        });
        const up = sizes.map((_, i) => i).filter((i) => total > 0 && out[i]! > Math.floor((n * sizes[i]!) / total));
        const down = sizes.map((_, i) => i).filter((i) => !up.includes(i));
        for (const u of up) for (const d of down) expect(remainders[u]! > remainders[d]! || (remainders[u] === remainders[d] && u < d)).toBe(true);
      }),
    );
  });

  it('refuses a sample larger than the population', () => {
    expect(() => allocate(4, [1, 2])).toThrow(/invalid sample/);
  });
});

describe('the exact upper bound of the deviation rate (Clopper–Pearson)', () => {
  /** P(X ≤ x | n, p), summed term by term. */
  const binomialCdf = (x: number, n: number, p: number) => {
    let s = 0;
    for (let i = 0; i <= x; i++) s += Number(choose(n, i)) * p ** i * (1 - p) ** (n - i);
    return s;
  };

  it('is about 4.95 % for no deviation in 59 at 95 %, and about 8.1 % for 5 in 127', () => {
    expect(upperBound(0, 59, 0.95)).toBeCloseTo(0.0495, 4);
    expect(upperBound(5, 127, 0.95)).toBeCloseTo(0.081, 3);
  });

  it('is the p at which finding x or fewer has the chance 1 − C', () => {
    for (const [x, n, c] of [[0, 59, 0.95], [1, 93, 0.95], [5, 127, 0.95], [3, 40, 0.9], [10, 60, 0.99]] as const) {
      expect(binomialCdf(x, n, upperBound(x, n, c))).toBeCloseTo(1 - c, 10);
    }
  });

  it('is 1 when every row deviates, and refuses a count outside 0…n', () => {
    expect(upperBound(4, 4, 0.95)).toBe(1);
    expect(() => upperBound(5, 4, 0.95)).toThrow(/invalid deviations/);
    expect(() => upperBound(0, 0, 0.95)).toThrow(/invalid deviations/);
  });
});

const exportText = generatedText(generateRows({ seed: 2026, measures: 1500 }), 'canonical');
const derived = deriveExport(exportText);
const rows = registrationRows(derived.measures);
const units = derived.analysis.units;
const asOf = derived.analysis.asOf;

describe('the population and the drawing', () => {
  it('takes the 3 months up to the as-of date by default, the first day left out', () => {
    expect(auditPeriod('2025-06-30')).toEqual({ from: '2025-03-31', to: '2025-06-30' });
    expect(auditPeriod('2025-05-31', '2025-01-01')).toEqual({ from: '2025-01-01', to: '2025-05-31' });
    expect(() => auditPeriod('2025-05-31', '2025-06-01')).toThrow(/invalid period/);
  });

  it('counts the accepted follow-ups, real and technical, of the period by their own unit', () => {
    const period = auditPeriod(asOf);
    const plan = drawAudit(rows, units, period, auditSettings({ seed: 1 }));
    const inPeriod = rows.filter((r) => r.date >= period.from && r.date <= period.to);
    expect(plan.total.population).toBe(inPeriod.length);
    for (const s of plan.strata) expect(s.population).toBe(inPeriod.filter((r) => r.unit === s.unit).length);
    expect(new Set(inPeriod.map((r) => r.event))).toEqual(new Set(['follow_up', 'technical_follow_up']));
  });

  it('draws the rule’s n, allocated in proportion, each registration at most once and from its stratum', () => {
    const plan = drawAudit(rows, units, auditPeriod(asOf), auditSettings({ seed: 42 }));
    expect(plan.size!.n).toBe(sampleSize(plan.total.population, RULE).n);
    expect(plan.total.sample).toBe(plan.size!.n);
    expect(plan.strata.map((s) => s.sample)).toEqual(allocate(plan.size!.n, plan.strata.map((s) => s.population)));
    expect(new Set(plan.sample.map((r) => r.line)).size).toBe(plan.sample.length);
    for (const s of plan.strata) expect(plan.sample.filter((r) => r.unit === s.unit)).toHaveLength(s.sample);
  });

  it('gives each unit its own n by the rule with per unit', () => {
    const plan = drawAudit(rows, units, auditPeriod(asOf), auditSettings({ seed: 42, perUnit: true }));
    expect(plan.size).toBeNull();
    for (const s of plan.strata) expect(s.sample).toBe(sampleSize(s.population, RULE).n);
    expect(plan.total.sample).toBe(plan.strata.reduce((t, s) => t + s.sample, 0));
  });

  it('draws the same sample from the same file, settings and seed, and another from another seed', () => {
    const draw = (seed: number) => drawAudit(registrationRows(deriveExport(exportText).measures), units, auditPeriod(asOf), auditSettings({ seed })).sample.map((r) => r.line);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('checks every registration of a unit smaller than its sample', () => {
    const few: Registration[] = [1, 2, 3].map((i) => ({ line: i + 1, unit: 'Valby', caseId: `C${i}`, measureId: 'M1', caseworker: '', event: 'follow_up', date: '2025-06-01' }));
    const plan = drawAudit(few, ['Valby'], auditPeriod('2025-06-30'), auditSettings({ seed: 3, perUnit: true }));
    expect(plan.sample.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(plan.strata[0]!.size).toMatchObject({ n: 3, whole: true });
  });

  it('refuses settings outside their range with what to give', () => {
    expect(() => auditSettings({ seed: -1 })).toThrow(/invalid seed/);
    expect(() => auditSettings({ seed: 1, confidence: 95 })).toThrow(/invalid confidence: 95 \(a fraction between 0 and 1/);
    expect(() => auditSettings({ seed: 1, tolerable: 0 })).toThrow(/invalid tolerable rate/);
    expect(() => auditSettings({ seed: 1, allowed: 1.5 })).toThrow(/invalid allowed deviations/);
  });
});

describe('the checklist and its result', () => {
  const plan = drawAudit(rows, units, auditPeriod(asOf), auditSettings({ seed: 11 }));

  /** The checklist as the page writes it, filled in: "nej" on the rows given. */
  function filled(no: ReadonlySet<number>, language: 'en' | 'da' = 'da', delimiter: ',' | ';' = ';'): string {
    const { header, rows: cells } = checklistCells(plan.sample, language);
    const yes = language === 'da' ? 'ja' : 'yes';
    const noWord = language === 'da' ? 'Nej ' : 'NO';
    return writeCsv(header, cells.map((c, i) => [...c.slice(0, 7), no.has(i) ? noWord : yes]), { delimiter });
  }

  it('has the sampled registrations with an empty documented column, in Danish on the Danish page', () => {
    const { header, rows: cells } = checklistCells(plan.sample, 'da');
    expect(header).toEqual(['linje', 'enhed', 'sagsnr', 'foranstaltning', 'sagsbehandler', 'hændelse', 'dato', 'dokumenteret']);
    expect(cells[0]).toEqual([plan.sample[0]!.line, plan.sample[0]!.unit, plan.sample[0]!.caseId, plan.sample[0]!.measureId, plan.sample[0]!.caseworker, expect.stringMatching(/opfølgning$/), plan.sample[0]!.date, '']);
    expect(checklistCells(plan.sample, 'en').header).toEqual(['line', 'unit', 'case_id', 'measure_id', 'caseworker', 'event', 'date', 'documented']);
  });

  it('reads back what it wrote, ja/nej or yes/no in any case, and matches the sample', () => {
    for (const language of ['da', 'en'] as const) {
      const checklist = readChecklist(filled(new Set([0, 3]), language, language === 'da' ? ';' : ','));
      expect(checklist.problems).toEqual([]);
      expect(checklist.rows.filter((r) => r.documented === false)).toHaveLength(2);
      expect(compareChecklist(checklist.rows, plan.sample).same).toBe(true);
    }
  });

  it('reads a checklist saved again by Danish Excel: Windows-1252, dates rewritten as DD-MM-YYYY', () => {
    const text = filled(new Set([1])).replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3-$2-$1').replace(/^\ufeff/, '');
    const checklist = readChecklist(new Uint8Array(iconv.encode(text, 'win1252')));
    expect(checklist.rows.some((r) => /[æøå]/.test(r.unit))).toBe(true);
    expect(compareChecklist(checklist.rows, plan.sample).same).toBe(true);
  });

  it('names the line of a row not marked, and of one marked with something else', () => {
    const lines = filled(new Set()).split('\r\n');
    lines[2] = lines[2]!.replace(/;ja$/, ';');
    lines[4] = lines[4]!.replace(/;ja$/, ';måske');
    expect(readChecklist(lines.join('\r\n')).problems).toEqual([
      { line: 3, code: 'unmarked' },
      { line: 5, code: 'unreadable', value: 'måske' },
    ]);
  });

  it('says a checklist of another seed, or with an edited row, differs from the sample', () => {
    const other = drawAudit(rows, units, auditPeriod(asOf), auditSettings({ seed: 12 }));
    const checklist = readChecklist(filled(new Set()));
    expect(compareChecklist(checklist.rows, other.sample).same).toBe(false);
    const edited = filled(new Set()).split('\r\n');
    edited[1] = edited[1]!.replace(/;(\d{4}-\d{2}-\d{2});/, ';2000-01-01;');
    const comparison = compareChecklist(readChecklist(edited.join('\r\n')).rows, plan.sample);
    expect(comparison).toMatchObject({ same: false, missing: [plan.sample[0]], extra: [expect.objectContaining({ fileLine: 2, date: '2000-01-01' })] });
  });

  it('refuses a file without the unit or documented column, naming what is missing', () => {
    expect(() => readChecklist('line,unit\n2,Valby')).toThrow(ChecklistRefused);
    expect(() => readChecklist('line,unit\n2,Valby')).toThrow(/no documented column/);
  });

  it('counts deviations per unit and pooled: 122 of 127 documented is 3.9 %, bounded by 8.1 %, not to be relied on at 5 %', () => {
    const deviating = new Set([0, 30, 61, 90, 120]);
    const marks = Array.from({ length: 127 }, (_, i) => ({ unit: i < 60 ? 'Amager' : 'Valby', documented: !deviating.has(i) }));
    const result = auditResult(marks, { confidence: 0.95, tolerable: 0.05 });
    expect(result.pooled).toMatchObject({ n: 127, deviations: 5, reliable: false });
    expect(result.pooled.rate).toBeCloseTo(5 / 127, 10);
    expect(result.pooled.upperBound).toBeCloseTo(0.081, 3);
    expect(Object.keys(result.strata)).toEqual(['Amager', 'Valby']);
    expect(result.strata.Amager).toMatchObject({ n: 60, deviations: 2 });
    expect(result.strata.Valby).toMatchObject({ n: 67, deviations: 3 });
  });

  it('relies on the registrations only when the upper bound is at most the tolerable rate', () => {
    const all = (n: number) => Array.from({ length: n }, () => ({ unit: 'Valby', documented: true }));
    expect(auditResult(all(59), { confidence: 0.95, tolerable: 0.05 }).pooled).toMatchObject({ deviations: 0, reliable: true });
    expect(auditResult(all(58), { confidence: 0.95, tolerable: 0.05 }).pooled.reliable).toBe(false);
  });

  it('never writes a CPR number: an id that holds one is rejected at import, a caseworker’s is masked', () => {
    const text = 'case_id,measure_id,unit,event,date,caseworker\nC1,M1,Valby,start,2025-01-01,AB\nC1,M1,Valby,follow_up,2025-04-01,010190-1234\n010190-1234,M2,Valby,start,2025-01-01,AB\n010190-1234,M2,Valby,follow_up,2025-04-01,AB';
    const regs = registrationRows(deriveExport(text).measures);
    const cells = JSON.stringify(checklistCells(drawAudit(regs, ['Valby'], auditPeriod('2025-04-01'), auditSettings({ seed: 1 })).sample));
    expect(cells).not.toMatch(/010190/);
    expect(regs).toHaveLength(1);
  });
});

describe('a fresh seed', () => {
  it('has at most nine digits, so no link or report holds a number shaped like a CPR number, and varies', () => {
    const seeds = Array.from({ length: 2000 }, newSeed);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 1_000_000_000)).toBe(true);
    expect(new Set(seeds).size).toBeGreaterThan(1990);
    expect(Math.max(...seeds)).toBeGreaterThan(900_000_000);
  });
});
