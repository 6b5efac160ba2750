// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SheetStep from '../../src/app/import/SheetStep.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';

describe('choosing a sheet of a workbook', () => {
  it('lists the sheets with a CPR number in a name hidden, and reads the one chosen by its real name', async () => {
    locale.lang = 'en';
    const onchoose = vi.fn();
    render(SheetStep, { sheets: ['Ark1', 'Sag 010190-1234'], onchoose });
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Ark1', 'Sag ••••••-••••']);
    expect(document.body.innerHTML).not.toContain('010190');
    await fireEvent.change(screen.getByRole('combobox'), { target: { value: '1' } });
    await fireEvent.submit(screen.getByRole('combobox').closest('form')!);
    expect(onchoose).toHaveBeenCalledWith('Sag 010190-1234');
  });
});
