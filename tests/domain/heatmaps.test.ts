import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { cellObligations, columnTotals } from '../../src/domain/aggregate/crosstab.ts';
import {
  caseworkerWeekObligations,
  caseworkerWeekTab,
  cellValues,
  forecastCols,
  measureTypes,
  nonEmptyCells,
  ofTypes,
  perFte,
  unitMonthObligations,
  unitMonthTab,
  weeksAround,
} from '../../src/domain/aggregate/heatmaps.ts';

const text = [
  'case_id,measure_id,unit,caseworker,measure_type,event,date',
  'C1,M1,Amager,AB,forebyggende,start,2025-01-15',
  'C2,M2,Amager,CD,anbringelse,start,2025-01-20',
  'C3,M3,Valby,EF,forebyggende,start,2025-03-02',
  'C3,M3,Valby,EF,forebyggende,follow_up,2025-05-30',
].join('\n');
const d = deriveExport(text, { asOf: '2025-06-30' });

describe('heatmaps', () => {
  it('unit × month counts every obligation in the month it is due, with the split by status', () => {
    const tab = unitMonthTab(d.obligations, d.analysis.units, d.analysis.months);
    const april = tab.cols.indexOf('2025-04');
    expect(tab.cells[0]![april]).toMatchObject({ row: 'Amager', col: '2025-04', total: 2, byStatus: { overdue: 2 } });
    // The table equals the domain's due-by-unit-month figure, cell for cell.
    expect(tab.cells.map((row) => row.map((c) => c.total))).toEqual(d.analysis.units.map((u) => d.analysis.dueByUnitMonth[u]));
    expect(tab.max).toBe(2);
    expect(columnTotals(tab)[april]).toBe(2);
  });

  it('filters by measure type', () => {
    const only = ofTypes(d.obligations, ['anbringelse']);
    expect(new Set(only.map((o) => o.measureId))).toEqual(new Set(['M2']));
    expect(ofTypes(d.obligations, [])).toBe(d.obligations);
    expect(measureTypes(d.obligations)).toEqual(['anbringelse', 'forebyggende']);
  });

  it('caseworker × week covers 26 weeks back and 26 ahead, ISO week-years included', () => {
    const weeks = weeksAround('2025-12-31');
    expect(weeks).toHaveLength(52);
    expect(weeks[26]).toEqual({ label: '2026-W01', monday: '2025-12-29' });
    expect(weeks[0]!.label).toBe('2025-W27');
    const tab = caseworkerWeekTab(d.obligations, 'Valby', '2025-06-30');
    expect(tab.rows).toEqual(['EF']);
    const cell = tab.cells[0]![tab.cols.indexOf('2025-W23')]!; // 2025-06-02, the first follow-up due
    expect(cell.byStatus.done_on_time).toBe(1);
  });

  it('orders caseworkers as every other view does: Danish order, numbers by value, æ ø å after z', () => {
    const names = ['Team 10', 'Åse', 'Team 9', 'Zia', 'Ørn'];
    const rows = names.map((w, i) => `C${i},M${i},Amager,${w},forebyggende,start,2025-05-01`);
    const { obligations } = deriveExport([text.split('\n')[0], ...rows].join('\n'), { asOf: '2025-06-30' });
    expect(caseworkerWeekTab(obligations, 'Amager', '2025-06-30').rows).toEqual(['Team 9', 'Team 10', 'Zia', 'Ørn', 'Åse']);
  });

  it('lists the obligations behind a cell in due order', () => {
    const list = cellObligations(d.obligations, 'Amager', '2025-04', (o) => o.unit, (o) => o.due.slice(0, 7));
    expect(list.map((o) => [o.caseId, o.due, o.caseworker, o.status])).toEqual([
      ['C1', '2025-04-15', 'AB', 'overdue'],
      ['C2', '2025-04-20', 'CD', 'overdue'],
    ]);
  });

  it('load per full-time caseworker is unknown without an FTE', () => {
    expect(perFte(12, 4)).toBe(3);
    expect(perFte(12, 0)).toBeNull();
    expect(perFte(12, undefined)).toBeNull();
  });
});

describe('what the heatmaps draw', () => {
  const tab = unitMonthTab(d.obligations, d.analysis.units, d.analysis.months);

  it('forecast columns are the ones after the as-of column, for months and ISO weeks alike', () => {
    expect(forecastCols(['2025-05', '2025-06', '2025-07', '2026-01'], '2025-06')).toEqual(new Set(['2025-07', '2026-01']));
    expect(forecastCols(['2025-W52', '2026-W01', '2026-W02'], '2026-W01')).toEqual(new Set(['2026-W02']));
  });

  it('every projected obligation falls in a forecast month', () => {
    const forecast = forecastCols(tab.cols, d.analysis.asOf.slice(0, 7));
    const projected = tab.cells.flat().filter((c) => c.byStatus.projected > 0);
    expect(projected.length).toBeGreaterThan(0);
    for (const cell of projected) expect(forecast.has(cell.col)).toBe(true);
  });

  it('cells show counts until every unit has an FTE, then load per FTE', () => {
    const counts = cellValues(tab, { Amager: 2 });
    expect(counts).toMatchObject({ perFte: false, missing: ['Valby'], max: tab.max });
    const april = tab.cells[0]![tab.cols.indexOf('2025-04')]!;
    expect(counts.value(april)).toBe(2);
    const loads = cellValues(tab, { Amager: 4, Valby: 0.5 });
    expect(loads.perFte).toBe(true);
    expect(loads.value(april)).toBe(0.5);
    // Valby's one follow-up due in June over half a caseworker is the heaviest load.
    expect(loads.max).toBe(2);
    expect(cellValues(tab, { Amager: 4, Valby: 0 }).missing).toEqual(['Valby']);
  });

  it('the non-empty cells are those with a follow-up due, row by row', () => {
    const cells = nonEmptyCells(tab);
    expect(cells.every((c) => c.total > 0)).toBe(true);
    expect(cells.reduce((s, c) => s + c.total, 0)).toBe(tab.cells.flat().reduce((s, c) => s + c.total, 0));
    expect(cells[0]!.row).toBe('Amager');
  });

  it('lists a cell’s obligations for unit × month and, within the unit only, for caseworker × week', () => {
    expect(unitMonthObligations(d.obligations, 'Amager', '2025-04').map((o) => o.caseId)).toEqual(['C1', 'C2']);
    expect(caseworkerWeekObligations(d.obligations, 'Valby', 'EF', '2025-W23').map((o) => [o.caseId, o.status])).toEqual([['C3', 'done_on_time']]);
    expect(caseworkerWeekObligations(d.obligations, 'Amager', 'EF', '2025-W23')).toEqual([]);
  });
});
