import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeExport, UnreadableExportError } from '../../src/domain/analyze.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { STATUSES } from '../../src/domain/types.ts';

const EVENTS = ['measure_start', 'follow_up', 'technical_follow_up', 'measure_end', 'opfølgning', 'iværksat', 'ophør', 'bogus', ''];

/** Small random exports: few cases and measures so rows collide, repeat and transfer. */
const exportRows = fc.array(
  fc.record({
    c: fc.constantFrom('C1', 'C2', 'C3', ''),
    m: fc.constantFrom('M1', 'M2'),
    unit: fc.constantFrom('Amager', 'Valby', 'Nørrebro', ''),
    event: fc.constantFrom(...EVENTS),
    day: fc.integer({ min: 0, max: 700 }),
    bad: fc.integer({ min: 0, max: 30 }),
    next: fc.option(fc.integer({ min: -30, max: 300 })),
    format: fc.constantFrom('iso', 'dmy'),
  }),
  { maxLength: 60 },
);

type Row = typeof exportRows extends fc.Arbitrary<(infer R)[]> ? R : never;

function toCsv(rows: Row[]): string {
  const lines = ['case_id;measure_id;unit;event;date;next_due'];
  for (const r of rows) {
    const iso = addDays('2024-01-01', r.day);
    const date = r.bad === 0 ? '2024-02-30' : r.format === 'iso' ? iso : iso.split('-').reverse().join('-');
    const next = r.next === null ? '' : addDays(iso, r.next);
    lines.push([r.c, r.m, r.unit, r.event, date, next].join(';'));
    if (r.bad === 1) lines.push(';;;;');
  }
  return lines.join('\r\n');
}

describe('invariants', () => {
  it('every row is accepted or rejected, once: accepted + rejected = total', () => {
    fc.assert(
      fc.property(exportRows, fc.boolean(), (rows, countTechnical) => {
        const a = analyzeExport(toCsv(rows), { rules: { countTechnical } });
        expect(a.rows.total).toBe(rows.length);
        expect(a.rows.accepted + a.rows.rejected).toBe(a.rows.total);
        expect(new Set(a.rejections.map((r) => r.line)).size).toBe(a.rejections.length);
      }),
      { numRuns: 400 },
    );
  });

  it('the flow adds up at every date, and created, done and missed never fall', () => {
    fc.assert(
      fc.property(exportRows, fc.integer({ min: 0, max: 700 }), (rows, asOfDay) => {
        const a = analyzeExport(toCsv(rows), { asOf: addDays('2024-01-01', asOfDay) });
        for (const points of Object.values(a.cfd)) {
          points.forEach((p, i) => {
            expect(p.created).toBe(p.done + p.missed + p.overdue + p.upcoming);
            for (const k of ['done', 'missed', 'overdue', 'upcoming'] as const) expect(p[k]).toBeGreaterThanOrEqual(0);
            const prev = points[i - 1];
            if (prev) for (const k of ['created', 'done', 'missed'] as const) expect(p[k]).toBeGreaterThanOrEqual(prev[k]);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the flow at the as-of date agrees with the status counts', () => {
    fc.assert(
      fc.property(exportRows, (rows) => {
        const a = analyzeExport(toCsv(rows));
        for (const unit of a.units) {
          const last = a.cfd[unit]!.at(-1)!;
          const s = a.status[unit]!;
          expect(last.done).toBe(s.done_on_time + s.done_late);
          expect(last.missed).toBe(s.missed);
          expect(last.overdue).toBe(s.overdue);
          expect(last.upcoming).toBe(s.upcoming);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the levelled peak equals the lower bound and never exceeds the baseline', () => {
    fc.assert(
      fc.property(exportRows, fc.integer({ min: 0, max: 12 }), (rows, leadWeeks) => {
        const a = analyzeExport(toCsv(rows), { leadWeeks });
        for (const l of Object.values(a.levelling)) {
          expect(l.levelledPeak).toBe(l.lowerBound);
          expect(l.levelledPeak).toBeLessThanOrEqual(l.baselinePeak);
          expect(l.meanDaysEarly).toBeGreaterThanOrEqual(0);
          expect(l.meanDaysEarly).toBeLessThanOrEqual(7 * leadWeeks);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every status count is a whole number and due-by-month never counts more than the statuses', () => {
    fc.assert(
      fc.property(exportRows, (rows) => {
        const a = analyzeExport(toCsv(rows));
        for (const unit of a.units) {
          const total = STATUSES.reduce((s, k) => s + a.status[unit]![k], 0);
          expect(a.dueByUnitMonth[unit]!.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(total);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the reader never throws anything but a refusal on arbitrary bytes or text, and accounts for every row', () => {
    const header = 'case_id,measure_id,unit,event,date\n';
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 400 }), fc.string().map((s) => header + s), fc.stringMatching(/^[a-z0-9;,"\t\r\n-]{0,200}$/).map((s) => header + s)), (input) => {
        try {
          const a = analyzeExport(input);
          expect(a.rows.accepted + a.rows.rejected).toBe(a.rows.total);
        } catch (e) {
          expect(e).toBeInstanceOf(UnreadableExportError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
