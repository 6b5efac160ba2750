import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { addDays, dayNumber, isoWeekday } from '../../src/domain/calendar.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import {
  clampParams,
  ECHO_BURST,
  monthWeightsAt,
  playbackDates,
  SCENARIO_AS_OF,
  SCENARIO_NAMES,
  SCENARIOS,
  scenarioOptions,
  STORY_UNIT,
  type ScenarioName,
  type ScenarioParams,
} from '../../src/domain/generate/scenarios.ts';
import { slipped } from '../../src/domain/generate/measure.ts';

/*
 * Each scenario's story is a promise to a room: these tests measure that
 * the data keeps it, on the figures the views draw (deriveExport).
 */

const textOf = (name: ScenarioName, params: Partial<ScenarioParams> = {}) =>
  exportText(generateRows(scenarioOptions(name, { ...SCENARIOS[name].defaults, ...params })), 'canonical');

const analysisAt = (text: string, asOf: string, catchUpWeeks = 4) => deriveExport(text, { asOf, catchUpWeeks });

/** Follow-ups due per month of all units together, for the months given. */
function duePerMonth(text: string, asOf: string, months: readonly string[]): number[] {
  const { analysis } = analysisAt(text, asOf);
  return months.map((m) => {
    const i = analysis.months.indexOf(m);
    return analysis.units.reduce((s, u) => s + (analysis.dueByUnitMonth[u]![i] ?? 0), 0);
  });
}

const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('teaching scenarios', () => {
  it('give the same export for the same scenario and parameters, and another for another scenario', () => {
    expect(textOf('august')).toBe(textOf('august'));
    const texts = new Set(SCENARIO_NAMES.map((name) => textOf(name, { measures: 300 })));
    expect(texts.size).toBe(SCENARIO_NAMES.length);
  });

  it('follow the parameters: measures, and no row after the scenarios’ as-of date', () => {
    const rows = generateRows(scenarioOptions('even', { ...SCENARIOS.even.defaults, measures: 700 }));
    expect(rows.filter((r) => r.event === 'measure_start')).toHaveLength(700);
    expect(rows.every((r) => r.date <= SCENARIO_AS_OF)).toBe(true);
  });

  it('clamp parameters to their ranges, as a field does', () => {
    expect(clampParams({ measures: 1e6, seasonality: -5, late: 99.6, capacity: 0, catchUp: 40 })).toEqual({ measures: 5000, seasonality: 0, late: 60, capacity: 1, catchUp: 26 });
  });

  it('play back one frame a week, as of each Sunday', () => {
    const dates = playbackDates();
    expect(dates.length).toBeGreaterThan(70);
    expect(dates.every((d) => isoWeekday(d) === 6)).toBe(true);
    expect(dates.slice(1).every((d, i) => dayNumber(d) - dayNumber(dates[i]!) === 7)).toBe(true);
  });

  it('even flow: no month has many more follow-ups due than the mean', () => {
    const due = duePerMonth(textOf('even'), SCENARIO_AS_OF, months2026);
    expect(Math.max(...due) / mean(due)).toBeLessThan(1.3);
  });

  it('the August peak: most starts in August, and the first follow-ups three months on make November the peak month', () => {
    const text = textOf('august');
    const starts = new Map<string, number>();
    for (const r of generateRows(scenarioOptions('august', SCENARIOS.august.defaults))) {
      if (r.event === 'measure_start') starts.set(r.date.slice(5, 7), (starts.get(r.date.slice(5, 7)) ?? 0) + 1);
    }
    const busiest = [...starts].sort((a, b) => b[1] - a[1])[0]![0];
    expect(busiest).toBe('08');

    const due = duePerMonth(text, SCENARIO_AS_OF, months2026);
    const peak = due.indexOf(Math.max(...due));
    expect(months2026[peak]).toBe('2026-11');
    expect(due[peak]! / mean(due)).toBeGreaterThan(1.6);
    // Turned down to no seasonality, the peak goes.
    const flat = duePerMonth(textOf('august', { seasonality: 0 }), SCENARIO_AS_OF, months2026);
    expect(Math.max(...flat) / mean(flat)).toBeLessThan(1.35);
  });

  it('a unit falls behind: its overdue backlog grows quarter by quarter while the others’ stays small', () => {
    const text = textOf('behind');
    const unit = STORY_UNIT.behind!;
    const dates = ['2025-09-28', '2026-01-04', '2026-04-05', '2026-07-05', '2026-10-04', '2026-12-27'];
    const overdue = dates.map((asOf) => analysisAt(text, asOf).analysis.status);
    const behind = overdue.map((s) => s[unit]!.overdue);
    behind.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(behind[i]!));
    expect(behind.at(-1)!).toBeGreaterThan(4 * behind[0]!);
    for (const other of Object.keys(overdue.at(-1)!).filter((u) => u !== unit)) {
      expect(overdue.at(-1)![other]!.overdue).toBeLessThan(behind.at(-1)! / 3);
    }
  });

  it('technical follow-ups polish the statistic: counted as registered, the unit that uses them looks on time, its real follow-ups do not', () => {
    const { registration } = analysisAt(textOf('technical'), SCENARIO_AS_OF).analysis;
    const unit = STORY_UNIT.technical!;
    const share = (u: string, key: 'flaggedLate' | 'flaggedLateAsRegistered') => registration[u]![key] / registration[u]!.measures;
    expect(share(unit, 'flaggedLate') - share(unit, 'flaggedLateAsRegistered')).toBeGreaterThan(0.25);
    for (const other of Object.keys(registration).filter((u) => u !== unit)) {
      expect(share(other, 'flaggedLate') - share(other, 'flaggedLateAsRegistered')).toBeLessThan(0.03);
      // As registered, the unit looks no worse than the others; by its real follow-ups, far worse.
      expect(share(unit, 'flaggedLate')).toBeGreaterThan(share(other, 'flaggedLate') + 0.2);
    }
  });

  describe('the echo of a cleared backlog', () => {
    /** ISO weeks from the burst on, and how many of the unit's follow-ups fall due in each, half a year after the burst. */
    function echo(catchUp: number): { echoes: number; peak: number; within: (w: number) => number; backlog: number } {
      const text = textOf('echo', { catchUp });
      const unit = STORY_UNIT.echo!;
      const before = analysisAt(text, addDays(ECHO_BURST, -1), catchUp).analysis.status[unit]!.overdue;
      const { obligations } = analysisAt(text, SCENARIO_AS_OF, catchUp);
      const burstEnd = addDays(ECHO_BURST, 7 * catchUp);
      // The backlog's follow-ups: due before the burst, done in it. Their successors are the echo.
      const key = (measure: string, seq: number) => `${measure}\u0000${seq}`;
      const cleared = new Set(
        obligations
          .filter((o) => o.unit === unit && o.due < ECHO_BURST && o.completed !== null && o.completed >= ECHO_BURST && o.completed < burstEnd)
          .map((o) => key(o.measureKey, o.seq + 1)),
      );
      const echoes = obligations.filter((o) => cleared.has(key(o.measureKey, o.seq)));
      const counts = new Map<number, number>();
      for (const o of echoes) {
        const week = Math.floor((dayNumber(o.due) - dayNumber(ECHO_BURST)) / 7);
        counts.set(week, (counts.get(week) ?? 0) + 1);
      }
      const sorted = [...counts.values()].sort((a, b) => b - a);
      const within = (w: number) => sorted.slice(0, w).reduce((a, b) => a + b, 0) / echoes.length;
      return { echoes: echoes.length, peak: sorted[0] ?? 0, within, backlog: before };
    }

    it('the unit builds a backlog before the burst', () => {
      expect(echo(2).backlog).toBeGreaterThan(80);
    });

    it('cleared in 2 weeks, the next follow-ups fall due within about 2 weeks half a year on; over 8 weeks they spread over 8', () => {
      const short = echo(2);
      const long = echo(8);
      expect(short.echoes).toBeGreaterThan(60);
      expect(short.within(3)).toBeGreaterThan(0.9);
      expect(long.within(3)).toBeLessThan(0.55);
      expect(long.within(9)).toBeGreaterThan(0.9);
      expect(short.peak).toBeGreaterThan(2.5 * long.peak);
    });
  });
});

describe('the generator’s teaching knobs', () => {
  it('month weights go from even (0 %) to the pattern (100 %) and beyond, never below a trickle', () => {
    expect(monthWeightsAt([2, 0.5, 1], 0)).toEqual([1, 1, 1]);
    expect(monthWeightsAt([2, 0.5, 1], 100)).toEqual([2, 0.5, 1]);
    expect(monthWeightsAt([2, 0.5, 1], 200)).toEqual([3, 0.05, 1]);
  });

  it('a slip makes a follow-up later by its days per month since the slip began, and not after it ended', () => {
    const slip = { from: '2025-01-01', daysPerMonth: 10, until: '2025-06-01' };
    expect(slipped('2025-03-10', '2025-03-01', slip)).toBe('2025-03-29');
    expect(slipped('2024-12-20', '2024-12-31', slip)).toBe('2024-12-20');
    expect(slipped('2025-06-10', '2025-06-01', slip)).toBe('2025-06-10');
  });

  it('refuses month weights that are not twelve numbers of 0 or more', () => {
    expect(() => generateRows({ seed: 1, measures: 5, monthWeights: [1, 2] })).toThrow(/invalid monthWeights/);
    expect(() => generateRows({ seed: 1, measures: 5, monthWeights: new Array(12).fill(0) })).toThrow(/not all 0/);
  });
});
