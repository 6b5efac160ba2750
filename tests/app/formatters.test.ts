import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat, utcDate } from '../../src/app/i18n/formatters.ts';

describe('the page’s formatters', () => {
  it('are made once per language and options, and write each language its own way', () => {
    expect(numberFormat('da-DK', { maximumFractionDigits: 1 })).toBe(numberFormat('da-DK', { maximumFractionDigits: 1 }));
    expect(numberFormat('da-DK', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en-GB', { maximumFractionDigits: 1 }));
    expect(numberFormat('da-DK', { maximumFractionDigits: 1 })).not.toBe(numberFormat('da-DK', { maximumFractionDigits: 2 }));
    expect(numberFormat('da-DK', { maximumFractionDigits: 1 }).format(1234.56)).toBe('1.234,6');
    expect(numberFormat('en-GB', { maximumFractionDigits: 1 }).format(1234.56)).toBe('1,234.6');
    const june = new Date(Date.UTC(2025, 5, 1));
    expect(dateFormat('da-DK', { month: 'long', timeZone: 'UTC' }).format(june)).toBe('juni');
    expect(dateFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(june)).toBe('June');
  });

  it('read a date or a month at UTC midnight, so no time zone moves the day', () => {
    expect(utcDate('2025-06-30').toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(utcDate('2025-06').toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(dateFormat('da-DK', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utcDate('2025-12-31'))).toBe('31. december');
  });
});
