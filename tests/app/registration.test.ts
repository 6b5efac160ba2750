// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import RegistrationSummary from '../../src/app/pages/overview/RegistrationSummary.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { analyzeExport } from '../../src/domain/analyze.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';

const analysis = analyzeExport(exportText(generateRows({ seed: 2026, measures: 1500 }), 'canonical'));
const show = () => render(RegistrationSummary, { units: analysis.units, registration: analysis.registration, asOf: analysis.asOf });
const withTechnical = analysis.units.find((u) => analysis.registration[u]!.flaggedLateAsRegistered !== analysis.registration[u]!.flaggedLate)!;

describe('the registration statistic on the overview', () => {
  afterEach(() => {
    cleanup();
    locale.lang = 'en';
  });

  it('says per unit, in Danish, how many measures the BUS rule shows as late and how many are overdue now', () => {
    locale.lang = 'da';
    show();
    for (const unit of analysis.units) {
      const r = analysis.registration[unit]!;
      if (r.measures === 0) continue;
      const item = document.querySelector(`li[data-unit="${CSS.escape(unit)}"]`)!;
      expect(item).toHaveTextContent(
        new RegExp(`^${unit}: BUS-reglen viser ${r.flaggedLate === 1 ? '1 foranstaltning' : `${locale.formatNumber(r.flaggedLate)} foranstaltninger`} som for sent; ${locale.formatNumber(r.overdueNow)} har en overskredet opfølgning nu\\.`),
      );
    }
  });

  it('adds what technical follow-ups hid only where they change the count', () => {
    expect(withTechnical).toBeDefined();
    show();
    const r = analysis.registration[withTechnical]!;
    expect(document.querySelector(`li[data-unit="${CSS.escape(withTechnical)}"]`)).toHaveTextContent(
      `Counting technical follow-ups as done, it shows ${r.flaggedLateAsRegistered}.`,
    );
    const plain = analysis.units.find((u) => analysis.registration[u]!.measures > 0 && analysis.registration[u]!.flaggedLateAsRegistered === analysis.registration[u]!.flaggedLate)!;
    expect(document.querySelector(`li[data-unit="${CSS.escape(plain)}"]`)).not.toHaveTextContent(/technical/);
  });

  it('has the numbers behind the sentences as a table, with a total', () => {
    show();
    const table = screen.getByRole('table', { name: /^Measures late by the old rule/ });
    const total = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr')!;
    const sum = (k: 'measures' | 'flaggedLate' | 'flaggedLateAsRegistered' | 'overdueNow') =>
      analysis.units.reduce((s, u) => s + analysis.registration[u]![k], 0);
    expect([...total.querySelectorAll('td')].map((td) => Number(td.textContent!.replace(/,/g, '')))).toEqual([
      sum('measures'), sum('flaggedLate'), sum('flaggedLateAsRegistered'), sum('overdueNow'),
    ]);
  });
});
