import { describe, expect, it } from 'vitest';
import { capOf, leadOf, planOf, planWeeksOf, planWriters, policyOf, unitOf } from '../../src/app/pages/levelling/params.ts';

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

  it('reads the plan in one go, as the levelling view and the board both simulate it', () => {
    const address = new URLSearchParams('lead=8&policy=shift&catchup=40&cap=30&unit=Valby');
    expect(planOf((k) => address.get(k), ['Amager', 'Valby'])).toEqual({ lead: 8, policy: 'shift', catchUp: 26, capacity: 30, unit: 'Valby' });
    expect(planOf(() => null, ['Amager'])).toEqual({ lead: 4, policy: 'level', catchUp: 4, capacity: null, unit: null });
  });

  it('writes a plan setting, and leaves a default out of the address', () => {
    const written: [string, string | null][] = [];
    const write = planWriters((k, v) => written.push([k, v]));
    write.onlead(6);
    write.onlead(4);
    write.oncapacity(null);
    write.onunit('Valby');
    expect(written).toEqual([['lead', '6'], ['lead', null], ['cap', null], ['unit', 'Valby']]);
  });
});
