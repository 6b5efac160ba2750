import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { caseworkerWeekTab, unitMonthTab } from '../../src/domain/aggregate/heatmaps.ts';
import { outsideHeatmaps, overdueRows } from '../../src/domain/aggregate/overdue.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';

const text = [
  'case_id,measure_id,unit,caseworker,measure_type,event,date',
  // Due 2023-04-01, more than two years before the as-of date: in no heatmap.
  'C1,M1,Amager,AB,anbringelse,start,2023-01-01',
  // Due 2025-04-20: inside both grids.
  'C2,M2,Amager,,forebyggende,start,2025-01-20',
  // Due 2024-09-01: in the months, before the 26 weeks.
  'C3,M3,Valby,EF,forebyggende,start,2024-06-01',
  // Done on time, next due 2025-11-30: upcoming, not overdue.
  'C4,M4,Valby,EF,forebyggende,start,2025-03-02',
  'C4,M4,Valby,EF,forebyggende,follow_up,2025-05-30',
  // Ended: missed, not overdue.
  'C5,M5,Valby,GH,anbringelse,start,2023-01-01',
  'C5,M5,Valby,GH,anbringelse,measure_end,2023-06-01',
].join('\n');
const { analysis, obligations } = deriveExport(text, { asOf: '2025-06-30' });

describe('the list of overdue follow-ups', () => {
  it('lists every overdue follow-up, however old, oldest first, with who holds it and the days overdue', () => {
    expect(overdueRows(obligations, analysis.asOf)).toEqual([
      { key: expect.any(String), caseId: 'C1', measureId: 'M1', measureType: 'anbringelse', unit: 'Amager', caseworker: 'AB', due: '2023-04-01', daysOverdue: 821 },
      { key: expect.any(String), caseId: 'C3', measureId: 'M3', measureType: 'forebyggende', unit: 'Valby', caseworker: 'EF', due: '2024-09-01', daysOverdue: 302 },
      { key: expect.any(String), caseId: 'C2', measureId: 'M2', measureType: 'forebyggende', unit: 'Amager', caseworker: '', due: '2025-04-20', daysOverdue: 71 },
    ]);
  });

  it('reaches the follow-ups that neither heatmap shows, and counts them per heatmap', () => {
    const rows = overdueRows(obligations, analysis.asOf);
    const inMonths = unitMonthTab(obligations, analysis.units, analysis.months).cells.flat().reduce((s, c) => s + c.byStatus.overdue, 0);
    expect(inMonths).toBe(2);
    expect(rows).toHaveLength(3);
    expect(outsideHeatmaps(rows, analysis.months, analysis.asOf)).toEqual({
      month: { count: 1, from: '2024-06' },
      week: { count: 2, from: '2025-W01' },
    });
    const inWeeks = caseworkerWeekTab(obligations, 'Valby', analysis.asOf).cells.flat().reduce((s, c) => s + c.byStatus.overdue, 0);
    expect(inWeeks).toBe(0);
  });

  it('keeps to one unit when asked, and orders newest first or by caseworker, nobody last', () => {
    expect(overdueRows(obligations, analysis.asOf, { unit: 'Valby' }).map((r) => r.caseId)).toEqual(['C3']);
    expect(overdueRows(obligations, analysis.asOf, { order: 'newest' }).map((r) => r.caseId)).toEqual(['C2', 'C3', 'C1']);
    expect(overdueRows(obligations, analysis.asOf, { order: 'caseworker' }).map((r) => r.caseworker)).toEqual(['AB', 'EF', '']);
  });

  it('holds as many follow-ups as the status counts call overdue, unit by unit', () => {
    const big = deriveExport(exportText(generateRows({ seed: 5, measures: 1500 }), 'canonical'));
    for (const unit of big.analysis.units) {
      const rows = overdueRows(big.obligations, big.analysis.asOf, { unit });
      expect(rows).toHaveLength(big.analysis.status[unit]!.overdue);
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
      expect(rows.every((r, i) => r.daysOverdue >= 1 && (i === 0 || rows[i - 1]!.due <= r.due))).toBe(true);
    }
  });
});
