import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { shortWeekName, weekName, weekNames } from '../../src/app/state/weeks.ts';

describe('the page’s names for ISO weeks', () => {
  afterEach(() => {
    locale.lang = 'en';
  });

  it('reads "uge 44" on the Danish page and "week 44" or "W44" on the English one, never the key', () => {
    locale.lang = 'da';
    expect(weekNames(['2025-W44', '2025-W45']).name('2025-W44')).toBe('uge 44');
    expect(shortWeekName('2025-W44')).toBe('uge 44');
    locale.lang = 'en';
    expect(weekNames(['2025-W44', '2025-W45']).name('2025-W44')).toBe('week 44');
    expect(shortWeekName('2025-W44')).toBe('W44');
  });

  it('adds the year where the number alone is ambiguous: a range over New Year, or a week named alone', () => {
    locale.lang = 'da';
    const names = weekNames(['2025-W52', '2026-W01']);
    expect([names.name('2025-W52'), names.name('2026-W01')]).toEqual(['uge 52 2025', 'uge 1 2026']);
    expect(weekName('2026-W01')).toBe('uge 1 2026');
    locale.lang = 'en';
    expect(weekName('2026-W01')).toBe('week 1, 2026');
  });

  it('dates a week by its Monday in the page’s locale, in the ISO week-year', () => {
    locale.lang = 'da';
    expect(weekNames(['2025-W45']).dated('2025-W45')).toBe('uge 45 · 3. nov.');
    expect(weekNames(['2026-W01']).monday('2026-W01')).toBe('29. dec.');
    // Each language writes the same Monday its own way, however often it was written in the other.
    locale.lang = 'en';
    expect(weekNames(['2026-W01']).monday('2026-W01')).toBe('29 Dec');
    locale.lang = 'da';
    expect(weekNames(['2026-W01']).monday('2026-W01')).toBe('29. dec.');
  });
});
