// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ValidationReport from '../../src/app/import/ValidationReport.svelte';
import type { ImportReport } from '../../src/domain/import/report.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';

afterEach(() => {
  locale.lang = 'en';
});

const report = (sheet: ImportReport['sheet']): ImportReport => ({
  format: 'sheet',
  encoding: null,
  delimiter: null,
  dateOrder: 'dmy',
  dateOrderDetected: false,
  header: ['case_id'],
  rejections: [],
  ...(sheet && { sheet }),
});

describe('the validation report of a workbook', () => {
  it('says which sheet was read and why, in English and in Danish', () => {
    render(ValidationReport, { report: report({ name: 'Data', count: 2, by: 'columns' }) });
    expect(screen.getByTestId('validation-report')).toHaveTextContent(
      'Read as an Excel sheet, “Data”, the only one of the workbook’s 2 sheets with the export’s columns.',
    );
  });

  it('says it in Danish, for a chosen sheet and a workbook’s only sheet', () => {
    locale.lang = 'da';
    const { unmount } = render(ValidationReport, { report: report({ name: 'Udtræk', count: 3, by: 'chosen' }) });
    expect(screen.getByTestId('validation-report')).toHaveTextContent('Læst som et Excel-ark, “Udtræk”, valgt blandt projektmappens 3 ark.');
    unmount();
    render(ValidationReport, { report: report({ name: 'Ark1', count: 1, by: 'only' }) });
    expect(screen.getByTestId('validation-report')).toHaveTextContent('Læst som et Excel-ark, “Ark1”.');
  });

  it('never shows a CPR number in a sheet’s name', () => {
    render(ValidationReport, { report: report({ name: 'Sag 010190-1234', count: 1, by: 'only' }) });
    expect(screen.getByTestId('validation-report')).toHaveTextContent('“Sag ••••••-••••”');
    expect(document.body.innerHTML).not.toContain('010190');
  });
});
