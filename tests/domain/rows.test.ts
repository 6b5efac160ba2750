import { describe, expect, it } from 'vitest';
import { readExport } from '../../src/domain/import/read.ts';
import { eventRows, recordsOf } from '../../src/domain/import/rows.ts';
import { validate } from '../../src/domain/validate.ts';
import { csv } from './helpers.ts';

describe('rows as columns (issue 17)', () => {
  const text = csv(
    ['C2', 'M1', 'Valby', 'start', '2025-01-01'],
    ['C1', 'M9', 'Valby', 'start', '2025-01-05'],
    ['C2', 'M2', 'Amager', 'start', '2025-02-01'],
    ['C1', 'M1', 'Valby', 'start', '2025-01-03'],
    ['C2', 'M1', 'Valby', 'follow_up', '2025-03-01'],
    ['C3', 'M1', 'Valby', 'start', '2025-09-01'],
  );

  it('gives back every row as the object it was made from', () => {
    const { records } = readExport(text);
    expect(recordsOf(eventRows(records))).toEqual(records);
    expect(records.map((r) => [r.line, r.index, r.caseId, r.event, r.date])).toEqual([
      [2, 0, 'C2', 'measure_start', '2025-01-01'],
      [3, 1, 'C1', 'measure_start', '2025-01-05'],
      [4, 2, 'C2', 'measure_start', '2025-02-01'],
      [5, 3, 'C1', 'measure_start', '2025-01-03'],
      [6, 4, 'C2', 'follow_up', '2025-03-01'],
      [7, 5, 'C3', 'measure_start', '2025-09-01'],
    ]);
  });

  it('lists measures by their case first, then by their own first row, leaving out rows after the as-of date', () => {
    const { measures, rejections } = validate(readExport(text).rows, '2025-06-30');
    expect(measures.map((m) => [m.caseId, m.measureId, m.rows.map((r) => r.line)])).toEqual([
      ['C2', 'M1', [2, 6]],
      ['C2', 'M2', [4]],
      ['C1', 'M9', [3]],
      ['C1', 'M1', [5]],
    ]);
    expect(rejections.map((r) => [r.line, r.reason.code])).toEqual([[7, 'after-as-of']]);
  });

  it('composes a unit written with a combining ring into the one written with å', () => {
    const rows = readExport(csv(['C1', 'M1', 'Valby', 'start', '2025-01-01'], ['C2', 'M2', '\u00c5mager', 'start', '2025-01-01'], ['C3', 'M3', 'A\u030Amager', 'start', '2025-01-01'])).rows;
    expect(rows.unit[0]).not.toBe(rows.unit[1]);
    expect(rows.unit[1]).toBe(rows.unit[2]);
    expect(rows.texts[rows.unit[2]!]).toBe('\u00c5mager');
  });
});
