// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NumberField from '../../src/app/components/NumberField.svelte';
import { locale } from '../../src/app/state/locale.svelte.ts';

afterEach(() => {
  locale.lang = 'en';
});

/** A field whose value follows what it reports, as a view's address does. */
function field(value: number | null, rule = {}) {
  const props = $state({ label: 'FTE', value, rule, onchange: vi.fn((v: number | null) => (props.value = v)) });
  render(NumberField, props);
  return { input: screen.getByRole('textbox', { name: 'FTE' }) as HTMLInputElement, props };
}

async function enter(input: HTMLInputElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
  await fireEvent.change(input, { target: { value: text } });
}

describe('a number field on the Danish page', () => {
  it('reads 6,5 and 6.5 and 6,50 as six and a half, and shows each as 6,5', async () => {
    locale.lang = 'da';
    const { input, props } = field(null, { above: 0 });
    expect(input).toHaveAttribute('inputmode', 'decimal');
    for (const text of ['6,5', '6.5', '6,50']) {
      await enter(input, '');
      await enter(input, text);
      expect(props.value).toBe(6.5);
      expect(input).toHaveValue('6,5');
    }
  });

  it('refuses abc with a message beside the field and keeps the last good value', async () => {
    locale.lang = 'da';
    const { input, props } = field(7.5, { above: 0 });
    expect(input).toHaveValue('7,5');
    await enter(input, 'abc');
    expect(props.onchange).not.toHaveBeenCalled();
    expect(props.value).toBe(7.5);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('“abc” er ikke et tal. Skriv det som 6,5. Der regnes stadig med 7,5.');
    // Escape puts the value in use back; so does a good number.
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveValue('7,5');
    expect(input).not.toHaveAttribute('aria-invalid');
    await enter(input, '6,5,5');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await enter(input, '8');
    expect(props.value).toBe(8);
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAccessibleDescription();
  });

  it('says which numbers a field takes when one is outside its rule', async () => {
    locale.lang = 'da';
    const { input, props } = field(4, { required: true, integer: true, min: 0, max: 12 });
    await enter(input, '20');
    expect(input).toHaveAccessibleDescription('Skriv højst 12. Der regnes stadig med 4.');
    await enter(input, '2,5');
    expect(input).toHaveAccessibleDescription('Skriv et helt tal. Der regnes stadig med 4.');
    await enter(input, '');
    expect(input).toHaveAccessibleDescription('Skriv et tal her. Der regnes stadig med 4.');
    expect(props.value).toBe(4);
  });

  it('empties to none where no value is required', async () => {
    const { input, props } = field(40, { above: 0 });
    await enter(input, '');
    expect(props.value).toBeNull();
    await enter(input, '0');
    expect(input).toHaveAccessibleDescription('Write a number above 0, or leave the field empty.');
  });

  it('writes its value the English way on the English page and in Danish after a switch', async () => {
    const { input } = field(1234.5);
    expect(input).toHaveValue('1,234.5');
    locale.lang = 'da';
    await Promise.resolve();
    expect(input).toHaveValue('1.234,5');
  });
});
