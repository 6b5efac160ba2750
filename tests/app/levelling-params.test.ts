import { describe, expect, it } from 'vitest';
import { capOf, leadOf, planWeeksOf, policyOf, unitOf } from '../../src/app/pages/levelling/params.ts';

describe('the levelling view’s address', () => {
  it('reads a lead of 0–12 weeks and falls back to 4 for anything else', () => {
    expect(leadOf('0')).toBe(0);
    expect(leadOf('12')).toBe(12);
    expect([null, '', '13', '-1', '2.5', 'x'].map(leadOf)).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it('reads a capacity of one or more, and none otherwise', () => {
    expect(capOf('30')).toBe(30);
    expect([null, '', '0', '-3', '1.5', 'many'].map(capOf)).toEqual([null, null, null, null, null, null]);
  });

  it('reads the policy names due, shift and level, levelled by default', () => {
    expect(['due', 'shift', 'level', null, 'fast'].map(policyOf)).toEqual(['due', 'shift', 'level', 'level', 'level']);
  });

  it('keeps a unit of the export and reads any other as all units', () => {
    expect(unitOf('Amager', ['Amager', 'Valby'])).toBe('Amager');
    expect(unitOf('Nowhere', ['Amager'])).toBeNull();
    expect(unitOf(null, ['Amager'])).toBeNull();
  });

  it('reads the plan’s weeks from the offered choices, four by default', () => {
    expect(planWeeksOf('8')).toBe(8);
    expect(planWeeksOf('5')).toBe(4);
  });
});
