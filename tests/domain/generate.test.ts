import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { encodeText } from '../../src/cli/encode.ts';
import {
  DEFAULT_AS_OF,
  DEFAULT_UNITS,
  generateRows,
  isIsoShaped,
  exportText,
  VARIANT_NAMES,
  VARIANTS,
  type GeneratedRow,
} from '../../src/domain/generate/index.ts';
import { dayNumber } from '../../src/domain/calendar.ts';
import { mulberry32 } from '../../src/domain/generate/random.ts';
import { MONTH_WEIGHTS } from '../../src/domain/generate/seasonal.ts';

const small = { seed: 11, measures: 600 };
const rows = generateRows({ seed: 3, measures: 3000 });
const clean = generateRows({ seed: 3, measures: 3000, badRows: 0, duplicates: 0 });

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function fingerprint(r: GeneratedRow): string {
  return JSON.stringify(r);
}

describe('mulberry32', () => {
  it('mulberry32(seed) gives the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateRows', () => {
  it('gives byte-identical text for the same seed and options, in every variant', () => {
    for (const variant of VARIANT_NAMES) {
      expect(exportText(generateRows(small), variant)).toBe(exportText(generateRows(small), variant));
    }
  });

  it('gives different rows for another seed', () => {
    expect(exportText(generateRows({ ...small, seed: 12 }), 'canonical')).not.toBe(exportText(generateRows(small), 'canonical'));
  });

  it('writes exactly the asked number of measures when there are no bad rows', () => {
    const starts = clean.filter((r) => r.event === 'measure_start');
    expect(new Set(starts.map((r) => r.measureId)).size).toBe(3000);
    expect(starts.length).toBe(3000);
  });

  it('gives every unit rows, with units of different size', () => {
    const perUnit = countBy(clean, (r) => r.unit);
    for (const unit of DEFAULT_UNITS) expect(perUnit.get(unit.name) ?? 0).toBeGreaterThan(100);
    const sizes = [...perUnit.values()];
    expect(Math.max(...sizes)).toBeGreaterThan(1.8 * Math.min(...sizes));
  });

  it('writes æ, ø and å in units and measure types, and gives each unit 4 to 10 caseworkers', () => {
    const text = exportText(clean, 'canonical');
    for (const letter of ['æ', 'ø', 'å', 'Ø']) expect(text).toContain(letter);
    expect(DEFAULT_UNITS.filter((u) => /[æøå]/i.test(u.name)).length).toBeGreaterThanOrEqual(4);
    for (const [u, unit] of DEFAULT_UNITS.entries()) {
      const workers = new Set(clean.filter((r) => r.unit === unit.name && r.event === 'measure_start').map((r) => r.caseworker));
      expect(workers.size).toBeGreaterThanOrEqual(4);
      expect(workers.size).toBeLessThanOrEqual(10);
      for (const w of workers) expect(w).toMatch(new RegExp(`^\\p{Lu}{3}${u + 1}$`, 'u'));
    }
  });

  it('starts more measures per month in August, September and January than in July', () => {
    const starts = generateRows({ seed: 5, measures: 6000, badRows: 0 }).filter((r) => r.event === 'measure_start');
    const perMonth = countBy(starts, (r) => r.date.slice(0, 7));
    // Average over the whole months in the window (the first month is partial).
    const byCalendarMonth = new Map<string, number[]>();
    for (const [month, n] of [...perMonth].sort().slice(1)) {
      const calendar = month.slice(5, 7);
      byCalendarMonth.set(calendar, [...(byCalendarMonth.get(calendar) ?? []), n]);
    }
    const mean = (m: string) => {
      const ns = byCalendarMonth.get(m) ?? [];
      return ns.reduce((a, b) => a + b, 0) / ns.length;
    };
    for (const busy of ['08', '09', '01']) expect(mean(busy)).toBeGreaterThan(1.8 * mean('07'));
    expect(MONTH_WEIGHTS[6]).toBe(Math.min(...MONTH_WEIGHTS));
  });

  it('dates no row after the as-of date, whichever as-of date is asked', () => {
    for (const [data, asOf] of [
      [rows, DEFAULT_AS_OF],
      [generateRows({ ...small, asOf: '2025-02-28' }), '2025-02-28'],
    ] as const) {
      const dated = data.filter((r) => isIsoShaped(r.date));
      expect(dated.length).toBeGreaterThan(0);
      for (const r of dated) expect(r.date <= asOf).toBe(true);
      expect(dated.some((r) => r.date.slice(0, 7) === asOf.slice(0, 7))).toBe(true);
    }
  });

  it('puts next_due only on follow-up rows, always after the row date', () => {
    const withNext = rows.filter((r) => r.nextDue !== null);
    expect(withNext.length).toBeGreaterThan(50);
    for (const r of withNext) {
      expect(r.event).toBe('follow_up');
      expect(r.nextDue! > r.date).toBe(true);
    }
  });

  it('registers technical follow-ups in some units and none in others', () => {
    const technical = countBy(clean.filter((r) => r.event === 'technical_follow_up'), (r) => r.unit);
    const withTechnical = DEFAULT_UNITS.filter((u) => u.technical > 0).map((u) => u.name);
    expect([...technical.keys()].sort()).toEqual(expect.arrayContaining(withTechnical.sort()));
    expect(technical.size).toBeLessThan(DEFAULT_UNITS.length);
  });

  it('ends a good share of the measures, and follow-ups fall between start and end', () => {
    const byMeasure = new Map<string, GeneratedRow[]>();
    for (const r of clean) byMeasure.set(r.measureId, [...(byMeasure.get(r.measureId) ?? []), r]);
    let ended = 0;
    for (const measureRows of byMeasure.values()) {
      const start = measureRows.find((r) => r.event === 'measure_start')!;
      const end = measureRows.find((r) => r.event === 'measure_end');
      if (end) ended++;
      for (const r of measureRows) {
        expect(r.date >= start.date).toBe(true);
        if (end && r.event !== 'measure_end') expect(r.date < end.date).toBe(true);
      }
    }
    expect(ended / byMeasure.size).toBeGreaterThan(0.25);
    expect(ended / byMeasure.size).toBeLessThan(0.75);
  });

  it('transfers some measures: a later row carries another unit and caseworker', () => {
    const units = new Map<string, Set<string>>();
    for (const r of clean) units.set(r.measureId, (units.get(r.measureId) ?? new Set()).add(r.unit));
    const transferred = [...units.values()].filter((s) => s.size > 1).length;
    expect(transferred).toBeGreaterThan(10);
  });

  it('gives some cases several measures', () => {
    const perCase = countBy(clean.filter((r) => r.event === 'measure_start'), (r) => r.caseId);
    expect([...perCase.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
  });

  it('orders rows roughly by date, but not perfectly', () => {
    let inversions = 0;
    let latest = clean[0]!.date;
    for (const [i, r] of clean.entries()) {
      if (i > 0 && r.date < clean[i - 1]!.date) inversions++;
      // Registered at most a month late: never far behind the rows before it.
      expect(dayNumber(latest) - dayNumber(r.date)).toBeLessThanOrEqual(31);
      if (r.date > latest) latest = r.date;
    }
    expect(inversions).toBeGreaterThan(0);
    expect(inversions / clean.length).toBeLessThan(0.5);
  });

  it('repeats some rows exactly, and none when asked for no duplicates', () => {
    const repeats = (data: readonly GeneratedRow[]) => data.length - new Set(data.map(fingerprint)).size;
    expect(repeats(generateRows({ seed: 3, measures: 3000, badRows: 0 }))).toBeGreaterThan(0);
    expect(repeats(clean)).toBe(0);
  });

  it('adds the asked share of bad rows on top of the same good rows', () => {
    const good = generateRows({ seed: 3, measures: 3000, badRows: 0 });
    const withBad = generateRows({ seed: 3, measures: 3000, badRows: 0.01 });
    // The share is of the good rows before duplicates: exactly the rows of `clean`.
    expect(withBad.length - good.length).toBe(Math.round(0.01 * clean.length));
    const goodPrints = countBy(good, fingerprint);
    const left = new Map(goodPrints);
    for (const r of withBad) {
      const n = left.get(fingerprint(r));
      if (n) left.set(fingerprint(r), n - 1);
    }
    expect([...left.values()].every((n) => n === 0)).toBe(true);
  });

  it('makes the bad rows of each kind: unreadable date, empty unit, before the start, no start', () => {
    const data = generateRows({ seed: 9, measures: 2000, badRows: 0.02 });
    const starts = new Map(data.filter((r) => r.event === 'measure_start' && isIsoShaped(r.date)).map((r) => [r.measureId, r.date]));
    expect(data.some((r) => !isIsoShaped(r.date))).toBe(true);
    expect(data.some((r) => r.unit === '')).toBe(true);
    expect(data.some((r) => r.event === 'follow_up' && isIsoShaped(r.date) && r.date < (starts.get(r.measureId) ?? ''))).toBe(true);
    expect(data.some((r) => !starts.has(r.measureId))).toBe(true);
  });

  it('writes no bad rows when asked for none', () => {
    expect(clean.every((r) => r.unit !== '' && isIsoShaped(r.date))).toBe(true);
  });

  it('throws a RangeError that says what to use for invalid options', () => {
    expect(() => generateRows({ seed: 1.5, measures: 10 })).toThrow(/invalid seed.*integer/);
    expect(() => generateRows({ seed: 1, measures: -1 })).toThrow(RangeError);
    expect(() => generateRows({ seed: 1, measures: 10, asOf: '2025-02-30' })).toThrow(/invalid asOf/);
    expect(() => generateRows({ seed: 1, measures: 10, badRows: 2 })).toThrow(/invalid badRows/);
  });
});

describe('exportText', () => {
  const sample = generateRows({ seed: 21, measures: 400, badRows: 0.02 });

  it('writes the canonical export with the columns of SPEC §3', () => {
    const text = exportText(sample, 'canonical');
    expect(text.split('\n')[0]).toBe('case_id,measure_id,unit,caseworker,measure_type,event,date,next_due');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\r/);
    expect(text).toMatch(/,\d{4}-\d{2}-\d{2},/);
  });

  it('writes the Danish Excel variant with semicolons, CRLF, DD-MM-YYYY and Danish names', () => {
    const text = exportText(sample, 'danish-excel');
    const header = text.split('\r\n')[0]!.split(';');
    expect([...header].sort()).toEqual(
      ['bemærkning', 'dato', 'foranstaltning', 'foranstaltningstype', 'hændelse', 'enhed', 'næste_frist', 'sagsbehandler', 'sagsnr'].sort(),
    );
    expect(header[0]).not.toBe('sagsnr');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toMatch(/;\d{2}-\d{2}-\d{4};|^\d{2}-\d{2}-\d{4};/m);
    for (const event of ['iværksat', 'opfølgning', 'teknisk administrativ opfølgning', 'ophør']) expect(text).toContain(`;${event};`);
  });

  it('writes the tab variant with DD.MM.YYYY and the bom variant with a BOM, quotes and DD/MM/YYYY', () => {
    const tab = exportText(sample, 'tab');
    expect(tab.split('\n')[0]!.split('\t')).toHaveLength(8);
    expect(tab).toMatch(/\t\d{2}\.\d{2}\.\d{4}\t/);
    const bom = exportText(sample, 'bom');
    expect(bom.startsWith('\uFEFF"Sagsnummer","')).toBe(true);
    expect(bom).toMatch(/,"\d{2}\/\d{2}\/\d{4}",/);
  });

  it('quotes fields so that every variant parses back to the same rows', () => {
    expect(sample.some((r) => /[";,]/.test(r.note))).toBe(true);
    for (const name of VARIANT_NAMES) {
      const v = VARIANTS[name];
      const text = exportText(sample, name).replace(/^\uFEFF/, '');
      const parsed = Papa.parse<string[]>(text, { delimiter: v.delimiter, newline: v.newline, skipEmptyLines: true }).data;
      expect(parsed).toHaveLength(sample.length + 1);
      const col = (field: string) => v.columns.findIndex(([f]) => f === field);
      parsed.slice(1).forEach((cells, i) => {
        const r = sample[i]!;
        expect(cells[col('measureId')]).toBe(r.measureId);
        expect(cells[col('unit')]).toBe(r.unit);
        if (col('note') >= 0) expect(cells[col('note')]).toBe(r.note);
      });
    }
  });

  it('writes an unreadable date as the same text in every variant', () => {
    const raw = sample.filter((r) => !isIsoShaped(r.date)).map((r) => r.date);
    expect(raw.length).toBeGreaterThan(0);
    for (const name of VARIANT_NAMES) for (const d of raw) expect(exportText(sample, name)).toContain(d);
  });

  it('round-trips æ, ø and å of the Danish Excel variant through Windows-1252 bytes', () => {
    const text = exportText(sample, 'danish-excel');
    const bytes = encodeText(text, VARIANTS['danish-excel'].encoding);
    expect(bytes.length).toBe(text.length); // one byte per character
    expect(bytes.includes(0xf8)).toBe(true); // ø
    expect(bytes.includes(0xe6)).toBe(true); // æ
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = new TextDecoder('windows-1252').decode(bytes);
    expect(decoded).toBe(text);
    for (const name of ['Brønshøj-Husum', 'Indre By/Østerbro', 'Vanløse']) expect(decoded).toContain(name);
    expect(decoded).toMatch(/å|æ/);
  });
});
