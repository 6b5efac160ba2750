import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths as dfAddMonths } from 'date-fns';
import { addDays, addMonths, endOfMonth, isoWeekOf, mondayOfIsoWeek, monthRange, startOfIsoWeek, weekIndex } from '../../src/domain/calendar.ts';

describe('calendar', () => {
  it('addMonths clamps to the end of the target month', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', -12)).toBe('2024-01-31');
  });

  it('addMonths agrees with date-fns on every date of a dozen years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 12 }), fc.integer({ min: -24, max: 24 }), (offset, n) => {
        const d = addDays('2020-01-01', offset);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const expected = dfAddMonths(new Date(y, m - 1, day), n);
        const iso = `${expected.getFullYear()}-${String(expected.getMonth() + 1).padStart(2, '0')}-${String(expected.getDate()).padStart(2, '0')}`;
        expect(addMonths(d, n)).toBe(iso);
      }),
    );
  });

  it('isoWeekOf uses the ISO week-year at New Year', () => {
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-01-04')).toBe('2026-W01');
    expect(isoWeekOf('2026-01-05')).toBe('2026-W02');
  });

  it('mondayOfIsoWeek finds the Monday of a week label, in the ISO week-year, and undoes isoWeekOf', () => {
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2025-W45')).toBe('2025-11-03');
    for (let d = '2024-12-01'; d < '2027-02-01'; d = addDays(d, 5)) expect(mondayOfIsoWeek(isoWeekOf(d))).toBe(startOfIsoWeek(d));
  });

  it('startOfIsoWeek finds the Monday, also across a year', () => {
    expect(startOfIsoWeek('2026-01-01')).toBe('2025-12-29');
    expect(startOfIsoWeek('2025-06-30')).toBe('2025-06-30');
    expect(startOfIsoWeek('2025-07-06')).toBe('2025-06-30');
  });

  it('weekIndex counts whole ISO weeks from the week of the first date', () => {
    expect(weekIndex('2025-07-06', '2025-06-30')).toBe(0);
    expect(weekIndex('2025-07-02', '2025-07-07')).toBe(1);
    expect(weekIndex('2025-07-02', '2025-06-29')).toBe(-1);
  });

  it('monthRange and endOfMonth cover leap years and year ends', () => {
    expect(monthRange('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(endOfMonth('2024-02-03')).toBe('2024-02-29');
    expect(endOfMonth('2025-12-03')).toBe('2025-12-31');
  });

  it('no time zone shifts a day', () => {
    // The suite runs in whatever zone the machine has; these must hold in all of them.
    expect(addMonths('2025-03-30', 0)).toBe('2025-03-30');
    expect(addMonths('2025-10-26', 1)).toBe('2025-11-26');
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
  });
});
