// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AnalysisReport from '../../src/app/pages/AnalysisReport.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { analysis } from './analysis.ts';

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent?.trim());

describe('the status table of an analysis', () => {
  afterEach(() => {
    locale.lang = 'en';
  });

  it('shows each unit’s counts and a totals row that sums them, in English', () => {
    locale.lang = 'en';
    render(AnalysisReport, { analysis });
    // jsdom's navigator prefers en-US, so English dates come out the US way.
    const table = screen.getByRole('table', { name: 'Follow-ups by status and unit, as of June 30, 2025' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual(['Unit', 'Done on time', 'Done late', 'Overdue', 'Upcoming', 'Missed', 'Projected']);

    expect(cells(within(table).getByRole('row', { name: /^Amager/ }))).toEqual(['1,234', '56', '7', '89', '2', '300']);
    expect(cells(within(table).getByRole('row', { name: /^Østerbro/ }))).toEqual(['10', '20', '3', '4', '0', '700']);
    expect(cells(within(table).getByRole('row', { name: /^Total/ }))).toEqual(['1,244', '76', '10', '93', '2', '1,000']);
  });

  it('speaks Danish and writes numbers the Danish way', () => {
    locale.lang = 'da';
    render(AnalysisReport, { analysis });
    const table = screen.getByRole('table', { name: 'Opfølgninger efter status og enhed, opgjort pr. 30. juni 2025' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual(['Enhed', 'Udført rettidigt', 'Udført for sent', 'Overskredet', 'Kommende', 'Forsømt', 'Fremskrevet']);
    expect(cells(within(table).getByRole('row', { name: /^Amager/ }))[0]).toBe('1.234');
    expect(cells(within(table).getByRole('row', { name: /^I alt/ }))).toEqual(['1.244', '76', '10', '93', '2', '1.000']);
    expect(document.documentElement.lang).toBe('da');
  });

  it('states the as-of date and the row counts', () => {
    locale.lang = 'da';
    render(AnalysisReport, { analysis });
    expect(screen.getByTestId('as-of')).toHaveAttribute('datetime', '2025-06-30');
    expect(screen.getByTestId('as-of')).toHaveTextContent('30. juni 2025');
    expect(screen.getByTestId('fact-rows')).toHaveTextContent('2.500');
    expect(screen.getByTestId('fact-accepted')).toHaveTextContent('2.480');
    expect(screen.getByTestId('fact-rejected')).toHaveTextContent('20');
    expect(screen.getByTestId('fact-units')).toHaveTextContent('2');
  });
});
