import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import {
  allUnits,
  dueOf,
  onTimeShare,
  pastByUnitMonth,
  periodCounts,
  registrationFigures,
  registrationRows,
  registrationsByUnitMonth,
  technicalCases,
  technicalTab,
} from '../../src/domain/aggregate/registrations.ts';
import { DEFAULT_RULES } from '../../src/domain/rules.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { csv } from './helpers.ts';

/*
 * Registered against real: the follow-ups fallen due counted with real
 * follow-ups only and as registered, and the registrations themselves.
 */

const months = ['2025-03', '2025-04', '2025-05', '2025-06'];

// M1 has only a technical follow-up; M2 a real one, late; M3 moves from Valby to Amager before its first due date.
const text = csv(
  ['C1', 'M1', 'Valby', 'start', '2025-01-01'],
  ['C1', 'M1', 'Valby', 'technical_follow_up', '2025-03-20'],
  ['C2', 'M2', 'Valby', 'start', '2025-01-10'],
  ['C2', 'M2', 'Valby', 'follow_up', '2025-04-20'],
  ['C3', 'M3', 'Valby', 'start', '2025-02-05'],
  ['C3', 'M3', 'Amager', 'follow_up', '2025-03-01'],
  ['C3', 'M3', 'Amager', 'follow_up', '2025-05-01'],
);
const { measures, obligations } = deriveExport(text, { asOf: '2025-06-30' });

describe('follow-ups fallen due, real and as registered', () => {
  const units = ['Amager', 'Valby'];
  const past = pastByUnitMonth({ measures, obligations, units, months, rules: DEFAULT_RULES, asOf: '2025-06-30' });

  it('counts a measure with only a technical follow-up overdue for real and on time as registered', () => {
    expect(past.Valby!.real[1]).toEqual({ done_on_time: 0, done_late: 1, overdue: 1, missed: 0 });
    expect(past.Valby!.registered[1]).toEqual({ done_on_time: 1, done_late: 1, overdue: 0, missed: 0 });
  });

  it('counts a measure without technical follow-ups the same both ways, in the unit that held it at the due date', () => {
    // M3's first follow-up (2025-03-01) was due 2025-05-05: done on time, in Amager's May.
    expect(past.Amager!.real[2]).toEqual({ done_on_time: 1, done_late: 0, overdue: 0, missed: 0 });
    expect(past.Amager!.registered).toEqual(past.Amager!.real);
  });

  it('leaves out follow-ups not yet due, whatever the rules’ own count-technical says', () => {
    const registered = deriveExport(text, { asOf: '2025-06-30', rules: { countTechnical: true } });
    const counted = pastByUnitMonth({ ...registered, units, months, rules: registered.settings.rules, asOf: '2025-06-30' });
    expect(counted).toEqual(past);
    const all = [...past.Valby!.registered, ...past.Amager!.registered].reduce((s, c) => s + dueOf(c), 0);
    expect(all).toBe(3);
  });

  it('adds the units up month by month', () => {
    const all = allUnits(past, units, months.length);
    expect(all.real[1]).toEqual({ done_on_time: 0, done_late: 1, overdue: 1, missed: 0 });
    expect(all.registered[2]).toEqual({ done_on_time: 1, done_late: 0, overdue: 0, missed: 0 });
  });

  it('sums the months of a period per unit', () => {
    const period = periodCounts(past, ['Amager', 'Valby'], 1, 3);
    expect(period.Valby!.real).toEqual({ done_on_time: 0, done_late: 1, overdue: 1, missed: 0 });
    expect(onTimeShare(period.Valby!.registered)).toBe(0.5);
    expect(onTimeShare(periodCounts(past, ['Amager', 'Valby'], 0, 0).Valby!.real)).toBeNull();
  });
});

describe('the registrations of an export', () => {
  it('are the accepted follow-up rows, real and technical, in file order, with their own unit', () => {
    expect(registrationRows(measures).map((r) => [r.line, r.unit, r.event])).toEqual([
      [3, 'Valby', 'technical_follow_up'],
      [5, 'Valby', 'follow_up'],
      [7, 'Amager', 'follow_up'],
      [8, 'Amager', 'follow_up'],
    ]);
  });

  it('come in file order whatever the order of measures, also from rows made by hand whose indices repeat or stray', () => {
    const generated = deriveExport(exportText(generateRows({ seed: 7, measures: 300 }), 'canonical')).measures;
    const inFile = registrationRows(generated).map((r) => r.line);
    expect(inFile).toEqual([...inFile].sort((a, b) => a - b));
    expect(registrationRows([...generated].reverse()).map((r) => r.line)).toEqual(inFile);
    // Hand-made: rows at one index are kept, in the order they come; an index far off is sorted to its place.
    const [m] = measures;
    const made = (indices: number[]) => registrationRows([{ ...m!, rows: indices.map((index, i) => ({ ...m!.rows[0]!, event: 'follow_up' as const, line: 100 + i, index })) }]).map((r) => r.line);
    expect(made([5, 1, 5, 0])).toEqual([103, 101, 100, 102]);
    expect(made([5, 1e9, 2])).toEqual([102, 100, 101]);
  });

  it('count per unit and month beside the technical ones of the analysis', () => {
    const generated = exportText(generateRows({ seed: 2026, measures: 800 }), 'canonical');
    const d = deriveExport(generated);
    const all = registrationsByUnitMonth(registrationRows(d.measures), d.analysis.units, d.analysis.months);
    for (const u of d.analysis.units) {
      d.analysis.months.forEach((_, i) => expect(all[u]![i]).toBeGreaterThanOrEqual(d.analysis.technicalByUnitMonth[u]![i]!));
    }
    const figures = registrationFigures({ ...d, ...d.analysis, rules: d.settings.rules });
    expect(figures.months.at(-1)).toBe(d.analysis.asOf.slice(0, 7));
    expect(figures.months).toHaveLength(13);
  });

  it('make the heatmap of technical follow-ups from the analysis, over the months up to the as-of month', () => {
    const d = deriveExport(text, { asOf: '2025-06-30' });
    const tab = technicalTab(d.analysis.technicalByUnitMonth, d.analysis.units, d.analysis.months, months);
    expect(tab.rows).toEqual(['Amager', 'Valby']);
    expect(tab.cells[1]!.map((c) => c.total)).toEqual([1, 0, 0, 0]);
    expect(tab.max).toBe(1);
  });

  it('rank the cases with the most technical follow-ups first, ties by case id', () => {
    const many = csv(
      ['C9', 'M1', 'Valby', 'start', '2025-01-01'],
      ['C9', 'M1', 'Valby', 'technical_follow_up', '2025-02-01'],
      ['C9', 'M1', 'Valby', 'technical_follow_up', '2025-03-01'],
      ['C5', 'M1', 'Valby', 'start', '2025-01-01'],
      ['C5', 'M1', 'Valby', 'technical_follow_up', '2025-03-01'],
      ['C5', 'M1', 'Valby', 'follow_up', '2025-04-01'],
      ['C4', 'M1', 'Valby', 'start', '2025-01-01'],
      ['C4', 'M1', 'Valby', 'technical_follow_up', '2025-03-15'],
      ['C1', 'M1', 'Valby', 'start', '2025-01-01'],
      ['C1', 'M1', 'Valby', 'follow_up', '2025-03-15'],
    );
    const regs = registrationRows(deriveExport(many, { asOf: '2025-06-30' }).measures);
    expect(technicalCases(regs).map((c) => [c.caseId, c.technical, c.registrations])).toEqual([['C9', 2, 2], ['C4', 1, 1], ['C5', 1, 2]]);
    expect(technicalCases(regs, { unit: 'Valby', month: '2025-03' }).map((c) => [c.caseId, c.technical])).toEqual([['C4', 1], ['C5', 1], ['C9', 1]]);
    expect(technicalCases(regs, { unit: 'Amager' })).toEqual([]);
  });
});
