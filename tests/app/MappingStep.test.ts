// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MappingStep from '../../src/app/import/MappingStep.svelte';
import { LocalImport } from '../../src/app/import/localFile.svelte.ts';
import { problemOf, type ImportProblem } from '../../src/domain/import/problems.ts';
import { readExport } from '../../src/domain/import/read.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';

/** The question the reader asks of a file, as the page gets it. */
function questionOf(text: string): Extract<ImportProblem, { kind: 'columns' }> {
  try {
    readExport(text);
  } catch (e) {
    const problem = problemOf(e);
    if (problem?.kind === 'columns') return problem;
  }
  throw new Error('no column question');
}

describe('choosing the columns of a file', () => {
  it('maps a column by its place, so headers that are CPR numbers (masked alike) are read after one answer', async () => {
    locale.lang = 'en';
    const text = '010190-1234;020290-4321;Team;Hvad;Hvornår\nS1;F1;Øst;iværksat;02.01.2025\nS2;F2;Vest;iværksat;15.01.2025\n';
    const problem = questionOf(text);
    expect(problem.header.slice(0, 2)).toEqual(['••••••-••••', '••••••-••••']);
    const local = new LocalImport();
    render(MappingStep, { problem, local });
    expect(document.body.innerHTML).not.toMatch(/010190|020290/);

    // As a person picks: by what the option says, the column's (masked) name and its sample values.
    for (const [field, sample] of [['Case id', 'S1'], ['Measure id', 'F1'], ['Unit', 'Øst'], ['Event', 'iværksat'], ['Date', '02.01.2025']] as const) {
      const select = screen.getByLabelText<HTMLSelectElement>(new RegExp(`^${field} \\(required\\)`));
      const option = [...select.options].find((o) => o.textContent!.includes(sample))!;
      await fireEvent.change(select, { target: { value: option.value } });
    }
    await fireEvent.submit(screen.getByRole('button', { name: 'Read with these columns' }).closest('form')!);

    expect(local.choices.columns).toEqual({ case_id: 0, measure_id: 1, unit: 2, event: 3, date: 4 });
    const read = readExport(text, { columns: local.choices.columns! });
    expect(read.records.map((r) => [r.caseId, r.measureId, r.unit])).toEqual([['S1', 'F1', 'Øst'], ['S2', 'F2', 'Vest']]);
  });
});
