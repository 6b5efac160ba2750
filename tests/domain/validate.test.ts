import { describe, expect, it } from 'vitest';
import { analyze, csv } from './helpers.ts';

const reasons = (text: string, asOf?: string) =>
  analyze(text, asOf ? { asOf } : {}).rejections.map((r) => [r.line, r.reason]);

describe('validation (SPEC §3.1)', () => {
  it('rejects rows after the as-of date', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'follow_up', '2025-07-01']);
    expect(reasons(text, '2025-06-30')).toEqual([[3, 'dated 2025-07-01, after the as-of date 2025-06-30']]);
  });

  it('rejects every row of a measure with no start', () => {
    const text = csv(['C1', 'M1', 'A', 'follow_up', '2025-03-01'], ['C1', 'M1', 'A', 'measure_end', '2025-04-01'], ['C2', 'M2', 'A', 'start', '2025-01-01']);
    const r = analyze(text);
    expect(r.rejections.map((x) => x.line)).toEqual([2, 3]);
    expect(r.rejections[0]!.reason).toBe('measure "M1" of case "C1" has no start (measure_start) that could be accepted');
    expect(r.rows).toEqual({ total: 3, accepted: 1, rejected: 2 });
  });

  it('rejects every row of a measure whose only start is after the as-of date', () => {
    const text = csv(['C1', 'M1', 'A', 'follow_up', '2025-03-01'], ['C1', 'M1', 'A', 'start', '2025-08-01'], ['C2', 'M2', 'A', 'start', '2025-01-01']);
    expect(reasons(text, '2025-06-30').map(([l]) => l)).toEqual([2, 3]);
  });

  it('keeps the first start in file order and rejects the others', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-02-01'], ['C1', 'M1', 'A', 'start', '2025-01-01']);
    const r = analyze(text);
    expect(r.rejections).toEqual([{ line: 3, reason: 'a second start of measure "M1" of case "C1"; the first, on line 2, counts' }]);
    expect(r.dueByUnitMonth.A![r.months.indexOf('2025-05')]).toBe(1);
  });

  it('tells measures apart by case and measure id together', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C2', 'M1', 'A', 'start', '2025-01-01']);
    expect(analyze(text).rows.accepted).toBe(2);
  });

  it('rejects an end before the start, then all ends after the first', () => {
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2025-02-01'],
      ['C1', 'M1', 'A', 'measure_end', '2025-01-15'],
      ['C1', 'M1', 'A', 'measure_end', '2025-06-01'],
      ['C1', 'M1', 'A', 'measure_end', '2025-05-01'],
    );
    expect(reasons(text)).toEqual([
      [3, 'the end 2025-01-15 is before the start 2025-02-01 (line 2)'],
      [5, 'a second end of measure "M1" of case "C1"; the first, on line 4, counts'],
    ]);
  });

  it('rejects follow-ups before the start or after the end; on those dates they count', () => {
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2025-02-01'],
      ['C1', 'M1', 'A', 'follow_up', '2025-01-31'],
      ['C1', 'M1', 'A', 'technical_follow_up', '2025-02-01'],
      ['C1', 'M1', 'A', 'measure_end', '2025-06-01'],
      ['C1', 'M1', 'A', 'follow_up', '2025-06-01'],
      ['C1', 'M1', 'A', 'follow_up', '2025-06-02'],
    );
    expect(reasons(text)).toEqual([
      [3, 'follow-up dated 2025-01-31, before the start 2025-02-01 (line 2)'],
      [7, 'follow-up dated 2025-06-02, after the end 2025-06-01 (line 5)'],
    ]);
  });

  it('rejects a row that repeats an earlier one of the same measure, event and date', () => {
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2025-01-01'],
      ['C1', 'M1', 'A', 'follow_up', '2025-03-01'],
      ['C1', 'M1', 'B', 'follow_up', '2025-03-01'],
      ['C1', 'M1', 'A', 'technical_follow_up', '2025-03-01'],
    );
    expect(reasons(text)).toEqual([[4, 'repeats line 3 (same measure, event and date)']]);
  });

  it('applies the checks in order: a row after as-of is rejected for that, not as a duplicate', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'follow_up', '2025-09-01'], ['C1', 'M1', 'A', 'follow_up', '2025-09-01']);
    expect(reasons(text, '2025-06-30').map(([, r]) => String(r).slice(0, 5))).toEqual(['dated', 'dated']);
  });
});

describe('validation of a hostile file', () => {
  it('finds repeats in a measure with thousands of rows without slowing to a crawl', () => {
    const rows = [['C1', 'M1', 'A', 'start', '2020-01-01']];
    for (let i = 0; i < 20_000; i++) rows.push(['C1', 'M1', 'A', 'follow_up', i % 2 ? '2021-01-01' : '2021-01-02']);
    const r = analyze(csv(...rows));
    expect(r.rows).toEqual({ total: 20_001, accepted: 3, rejected: 19_998 });
  });
});
