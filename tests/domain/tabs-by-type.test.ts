import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { crossTab } from '../../src/domain/aggregate/crosstab.ts';
import { caseworkerWeekTab, caseworkerWeekTabs, measureTypes, ofTypes, tabOfTypes, unitMonthTab, unitMonthTabs } from '../../src/domain/aggregate/heatmaps.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';

/*
 * A choice of measure types sums the tabs counted once per type: it must
 * give exactly what counting the obligations of those types gives.
 */

const exports = [11, 12, 13].map((seed) => deriveExport(exportText(generateRows({ seed, measures: 300 }), 'canonical'), { asOf: '2025-06-30' }));

describe('tabs per measure type', () => {
  it('sum to the unit × month and caseworker × week tabs of the chosen types, for any choice', () => {
    fc.assert(
      fc.property(fc.nat(exports.length - 1), fc.array(fc.nat(20), { maxLength: 6 }), fc.nat(10), (which, picks, unitPick) => {
        const d = exports[which]!;
        const types = measureTypes(d.obligations);
        const chosen = [...new Set(picks.map((i) => types[i % types.length]!))];
        const shown = ofTypes(d.obligations, chosen);
        expect(tabOfTypes(unitMonthTabs(d.obligations, d.analysis.units, d.analysis.months), chosen)).toEqual(unitMonthTab(shown, d.analysis.units, d.analysis.months));
        const unit = d.analysis.units[unitPick % d.analysis.units.length]!;
        expect(tabOfTypes(caseworkerWeekTabs(d.obligations, unit, d.analysis.asOf), chosen, { dropEmptyRows: true })).toEqual(caseworkerWeekTab(shown, unit, d.analysis.asOf));
      }),
      { numRuns: 60 },
    );
  });

  it('counts a type not in the file as nothing, and all types when none is chosen', () => {
    const d = exports[0]!;
    const tabs = unitMonthTabs(d.obligations, d.analysis.units, d.analysis.months);
    expect(tabOfTypes(tabs, ['no such type']).max).toBe(0);
    expect(tabOfTypes(tabs, [])).toEqual(crossTab(d.obligations, d.analysis.units, d.analysis.months, (o) => o.unit, (o) => o.due.slice(0, 7)));
  });
});
