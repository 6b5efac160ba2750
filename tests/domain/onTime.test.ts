import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { onTimeMonths, onTimeShares } from '../../src/domain/aggregate/onTime.ts';
import { csv } from './helpers.ts';

const AS_OF = '2025-06-30';
const EXPORT = csv(
  ['M1', 'M1', 'Amager', 'measure_start', '2025-01-10'], // due 2025-04-10
  ['M1', 'M1', 'Amager', 'follow_up', '2025-04-01'], // on time
  ['M2', 'M2', 'Amager', 'measure_start', '2025-01-15'], // due 2025-04-15
  ['M2', 'M2', 'Amager', 'follow_up', '2025-04-20'], // late
  ['M3', 'M3', 'Valby', 'measure_start', '2025-02-01'], // due 2025-05-01: overdue
  ['M4', 'M4', 'Valby', 'measure_start', '2024-03-01'], // due 2024-06-01
  ['M4', 'M4', 'Valby', 'follow_up', '2024-05-20'], // on time; next due 2024-11-20
  ['M4', 'M4', 'Valby', 'follow_up', '2024-11-20'], // on its due date: on time; next due 2025-05-20, overdue
  ['M5', 'M5', 'Amager', 'measure_start', '2025-03-05'], // due 2025-06-05: the as-of month, not counted
);

describe('the on-time share per unit and month', () => {
  it('runs over the 12 whole months before the as-of month', () => {
    expect(onTimeMonths(AS_OF)).toEqual(['2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
  });

  it('is the follow-ups done on time over those due that month, per unit and for all units', () => {
    const d = deriveExport(EXPORT, { asOf: AS_OF });
    const shares = onTimeShares(d.obligations, d.analysis.units, AS_OF);
    const at = (series: typeof shares.all, month: string) => series.find((m) => m.month === month);
    expect(at(shares.units.Amager!, '2025-04')).toEqual({ month: '2025-04', due: 2, onTime: 1, share: 0.5 });
    expect(at(shares.units.Valby!, '2024-11')).toEqual({ month: '2024-11', due: 1, onTime: 1, share: 1 });
    expect(at(shares.units.Valby!, '2025-05')).toEqual({ month: '2025-05', due: 2, onTime: 0, share: 0 });
    expect(at(shares.all, '2025-05')).toEqual({ month: '2025-05', due: 2, onTime: 0, share: 0 });
    expect(at(shares.all, '2024-06')).toEqual({ month: '2024-06', due: 1, onTime: 1, share: 1 });
    // Nothing due: no share, not 0 %.
    expect(at(shares.units.Amager!, '2024-06')).toEqual({ month: '2024-06', due: 0, onTime: 0, share: null });
    expect(shares.all.reduce((s, m) => s + m.due, 0)).toBe(6);
  });
});
