import { describe, expect, it } from 'vitest';
import { analyze, csv } from './helpers.ts';
import { deriveExport } from '../../src/domain/analyze.ts';

const chain = (text: string, options = {}) =>
  deriveExport(text, options).obligations.map((o) => [o.seq, o.created, o.due, o.completed, o.status, o.unit]);

describe('obligations (SPEC §5)', () => {
  it('a measure owes its first follow-up 3 months after the start, then every 6 months after each follow-up', () => {
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2024-08-31'],
      ['C1', 'M1', 'A', 'follow_up', '2024-11-30'],
      ['C1', 'M1', 'A', 'follow_up', '2025-06-01'],
    );
    expect(chain(text, { asOf: '2025-06-30', horizonMonths: 12 })).toEqual([
      [1, '2024-08-31', '2024-11-30', '2024-11-30', 'done_on_time', 'A'],
      [2, '2024-11-30', '2025-05-30', '2025-06-01', 'done_late', 'A'],
      [3, '2025-06-01', '2025-12-01', null, 'upcoming', 'A'],
      [4, '2025-12-01', '2026-06-01', '2026-06-01', 'projected', 'A'],
    ]);
  });

  it('due today is not yet overdue; due yesterday is', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-03-30']);
    expect(chain(text, { asOf: '2025-06-30' })[0]![4]).toBe('upcoming');
    expect(chain(text, { asOf: '2025-07-01' })[0]![4]).toBe('overdue');
  });

  it('an overdue obligation is projected as done on its catch-up day: alone in its backlog, the first workday', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-15']);
    // As of Monday 2025-06-30 the first workday is Tuesday 2025-07-01; the forecast runs to 2026-01-31.
    expect(chain(text, { asOf: '2025-06-30', horizonMonths: 7 })).toEqual([
      [1, '2025-01-15', '2025-04-15', null, 'overdue', 'A'],
      [2, '2025-07-01', '2026-01-01', '2026-01-01', 'projected', 'A'],
    ]);
  });

  it('projects only while the due date is within the last month of the forecast', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-06-01']);
    // as-of 2025-06-30, horizon 6: forecast ends 2025-12-31; 2025-09-01 then 2026-03-01 (outside).
    expect(chain(text, { asOf: '2025-06-30', horizonMonths: 6 }).map((o) => o[4])).toEqual(['upcoming']);
    expect(chain(text, { asOf: '2025-06-30', horizonMonths: 9 }).map((o) => o[4])).toEqual(['upcoming', 'projected']);
  });

  it('an ended measure owes nothing due after its end, and what it did not do is missed', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'follow_up', '2025-03-01'], ['C1', 'M1', 'A', 'measure_end', '2025-08-31']);
    expect(chain(text, { asOf: '2025-12-31' })).toEqual([[1, '2025-01-01', '2025-04-01', '2025-03-01', 'done_on_time', 'A']]);
    const missed = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'measure_end', '2025-04-01']);
    expect(chain(missed, { asOf: '2025-12-31' })).toEqual([[1, '2025-01-01', '2025-04-01', null, 'missed', 'A']]);
    const short = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'measure_end', '2025-03-31']);
    expect(chain(short, { asOf: '2025-12-31' })).toEqual([]);
  });

  it('a follow-up\'s next_due sets the next due date when it is later', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'follow_up', '2025-03-01', '2026-01-15']);
    expect(chain(text, { asOf: '2025-06-30' }).slice(0, 2)).toEqual([
      [1, '2025-01-01', '2025-04-01', '2025-03-01', 'done_on_time', 'A'],
      [2, '2025-03-01', '2026-01-15', null, 'upcoming', 'A'],
    ]);
  });

  it('technical follow-ups complete nothing unless counted, and are counted per unit either way', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'technical_follow_up', '2025-03-01']);
    expect(chain(text, { asOf: '2025-06-30' })[0]![4]).toBe('overdue');
    expect(chain(text, { asOf: '2025-06-30', rules: { countTechnical: true } })[0]![4]).toBe('done_on_time');
    expect(analyze(text).technicalFollowUps).toEqual({ A: 1 });
  });

  it('a real and a technical follow-up on the same day count once', () => {
    const text = csv(
      ['C1', 'M1', 'A', 'start', '2025-01-01'],
      ['C1', 'M1', 'A', 'follow_up', '2025-03-01'],
      ['C1', 'M1', 'A', 'technical_follow_up', '2025-03-01'],
    );
    const statuses = chain(text, { asOf: '2025-06-30', rules: { countTechnical: true } }).map((o) => o[4]);
    expect(statuses.slice(0, 2)).toEqual(['done_on_time', 'upcoming']);
  });

  it('follow-ups complete obligations in date order, whatever the file order', () => {
    const text = csv(['C1', 'M1', 'A', 'follow_up', '2025-09-01'], ['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'follow_up', '2025-03-01']);
    expect(chain(text, { asOf: '2025-09-30' }).slice(0, 2).map((o) => o[3])).toEqual(['2025-03-01', '2025-09-01']);
  });

  it('the rule parameters change the chain', () => {
    const text = csv(['C1', 'M1', 'A', 'start', '2025-01-01'], ['C1', 'M1', 'A', 'follow_up', '2025-02-01']);
    const o = chain(text, { asOf: '2025-02-28', rules: { first: 1, interval: 2 } });
    expect(o.slice(0, 2).map((x) => x[2])).toEqual(['2025-02-01', '2025-04-01']);
  });

  it('a measure that changed unit hands over its obligations from the transfer on', () => {
    const text = csv(
      ['C1', 'M1', 'Amager', 'start', '2025-01-01', '', 'AB'],
      ['C1', 'M1', 'Valby', 'follow_up', '2025-04-10', '', 'XY'],
    );
    expect(deriveExport(text, { asOf: '2025-06-30' }).obligations.map((o) => [o.status, o.unit, o.caseworker])).toEqual([
      ['done_late', 'Amager', 'AB'],
      ['upcoming', 'Valby', 'XY'],
      ['projected', 'Valby', 'XY'],
    ]);
  });

  it('on equal dates the later row in the file decides the unit', () => {
    const text = csv(['C1', 'M1', 'Amager', 'start', '2025-01-01'], ['C1', 'M1', 'Valby', 'technical_follow_up', '2025-01-01']);
    expect(deriveExport(text, { asOf: '2025-02-01' }).obligations[0]!.unit).toBe('Valby');
  });
});
