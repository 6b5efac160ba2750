import { describe, expect, it } from 'vitest';
import { LESSONS, type Step, type StepKind } from '../../src/app/pages/teaching/lessons.ts';
import { monthOf } from '../../src/domain/calendar.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { SCENARIOS, scenarioOptions, STORY_UNIT, type ScenarioName, type ScenarioParams } from '../../src/domain/generate/scenarios.ts';
import type { PolicyName } from '../../src/domain/levelling/index.ts';
import { framesOf, levelFrame, type Frame } from '../../src/domain/teaching/frames.ts';
import { scenarioWindow } from '../../src/domain/teaching/scenario.ts';

/*
 * Each step of a lesson says something to a room ("the peak goes up, not
 * down", "the backlog stays on top"). These tests derive the frame the
 * step opens, with the step's settings, and check that it shows it.
 */

const texts = new Map<string, string>();
function frameOf(name: ScenarioName, at: string, params: Partial<ScenarioParams> = {}): Frame {
  const p = { ...SCENARIOS[name].defaults, ...params };
  const key = JSON.stringify([name, p]);
  if (!texts.has(key)) texts.set(key, exportText(generateRows(scenarioOptions(name, p)), 'canonical'));
  return [...framesOf(texts.get(key)!, { ...scenarioWindow(), dates: [at] }, { catchUpWeeks: p.catchUp })][0]!;
}

const step = (name: ScenarioName, kind: StepKind): Step => {
  const found = LESSONS[name].find((s) => s.kind === kind);
  if (!found) throw new Error(`${name} has no step ${kind}`);
  return found;
};

/** The frame a step opens, planned as it sets the controls (or as its second panel). */
function planned(name: ScenarioName, kind: StepKind, change: { policy?: PolicyName; lead?: number; catchUp?: number } = {}) {
  const s = step(name, kind);
  const catchUp = change.catchUp ?? s.catchUp;
  const frame = frameOf(name, s.at, catchUp === undefined ? {} : { catchUp });
  const capacity = SCENARIOS[name].defaults.capacity;
  const level = levelFrame(frame, { lead: change.lead ?? s.lead ?? 4, policy: change.policy ?? s.policy ?? 'due', capacity, unit: s.unit ?? null });
  return { frame, level, figures: level.sim.figures, units: s.unit ? 1 : frame.units.length, capacity };
}

/** Follow-ups due per month, all units or one, in the frame's window. */
function duePerMonth(frame: Frame, unit: string | null = null): Map<string, number> {
  const units = unit ? [unit] : frame.units;
  return new Map(frame.months.map((m, i) => [m, units.reduce((s, u) => s + frame.due[u]![i]!, 0)]));
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the lessons show what they say', () => {
  it('even flow: a thin band of overdue work, and no month standing out', () => {
    const { frame } = planned('even', 'flow');
    const overdue = frame.units.reduce((s, u) => s + frame.flow[u]!.at(-1)!.overdue, 0);
    const created = frame.units.reduce((s, u) => s + frame.flow[u]!.at(-1)!.created, 0);
    expect(overdue / created).toBeLessThan(0.02);
    const history = [...duePerMonth(planned('even', 'peak').frame)].filter(([m]) => m <= '2026-06').map(([, n]) => n);
    expect(Math.max(...history) / mean(history)).toBeLessThan(1.3);
  });

  it('starting everything 4 weeks early piles the next 4 weeks into the first: the peak goes up', () => {
    for (const name of ['even', 'august'] as const) {
      const { figures } = planned(name, 'lead');
      expect(figures.peak.policy).toBeGreaterThan(figures.peak.asDue);
    }
  });

  it('levelling lowers the peak where there is work to move, each unit to its bound', () => {
    for (const name of ['even', 'august', 'echo'] as const) {
      const { figures, level } = planned(name, 'level');
      expect(figures.peak.policy).toBeLessThan(figures.peak.asDue);
      for (const u of level.sim.units) expect(Math.max(...u.load)).toBe(u.lowerBound);
    }
  });

  it('starting early costs extra follow-ups a year, and a lead of 0 costs none', () => {
    for (const name of ['even', 'august'] as const) {
      expect(planned(name, 'cost').level.extraPerYear).toBeGreaterThan(0);
      expect(planned(name, 'cost', { lead: 0 }).level.extraPerYear).toBe(0);
    }
  });

  it('the August peak: November is the busiest month ahead, and its weeks go above the capacity', () => {
    const due = duePerMonth(planned('august', 'peak').frame);
    const months = [...due].filter(([m]) => m >= '2025-06' && m <= '2026-05');
    const [busiest] = months.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(busiest).toBe('2025-11');
    expect(due.get('2025-11')!).toBeGreaterThan(2 * mean(months.filter(([m]) => m !== '2025-11').map(([, n]) => n)));
    const { figures, units, capacity, level } = planned('august', 'backlog');
    expect(figures.peak.asDue).toBeGreaterThan(capacity * units);
    expect(level.sim.units.reduce((s, u) => s + u.asDueLate, 0)).toBeGreaterThan(0);
  });

  it('a unit behind: levelling cannot lower a peak the backlog makes, a longer catch-up can', () => {
    const { figures } = planned('behind', 'level');
    expect(figures.peak.policy).toBe(figures.peak.asDue);
    for (const name of ['behind', 'technical'] as const) {
      const four = planned(name, 'spread', { catchUp: 4 }).level.sim;
      const eight = planned(name, 'spread', { catchUp: 8 }).level.sim;
      expect(eight.figures.peak.asDue).toBeLessThan(four.figures.peak.asDue);
      // The same backlog, half as much a week, for twice as many weeks.
      const weeks = (load: readonly number[]) => load.filter((n) => n > 0).length;
      expect(weeks(eight.backlogLoad)).toBe(2 * weeks(four.backlogLoad));
      expect(Math.max(...eight.backlogLoad)).toBeLessThanOrEqual(Math.ceil(Math.max(...four.backlogLoad) / 2));
    }
  });

  it('technical follow-ups: the statistic as registered hides what the real follow-ups and the overdue ones show', () => {
    const { frame } = planned('technical', 'stat');
    const unit = STORY_UNIT.technical!;
    const r = frame.registration[unit]!;
    expect(r.flaggedLate).toBeGreaterThan(2 * r.flaggedLateAsRegistered);
    const real = planned('technical', 'real').frame;
    for (const other of real.units.filter((u) => u !== unit)) {
      expect(real.flow[unit]!.at(-1)!.overdue).toBeGreaterThan(3 * real.flow[other]!.at(-1)!.overdue);
    }
  });

  it('the echo: a backlog before January, its next follow-ups forecast for July, and there when July comes; spread by a longer catch-up', () => {
    const unit = STORY_UNIT.echo!;
    expect(planned('echo', 'backlog').level.sim.units[0]!.backlog.length).toBeGreaterThan(80);
    const forecast = duePerMonth(planned('echo', 'clear').frame, unit);
    const others = [...forecast].filter(([m]) => m >= '2026-02' && m <= '2026-12' && m !== '2026-07').map(([, n]) => n);
    expect(forecast.get('2026-07')!).toBeGreaterThan(2 * mean(others));
    const july = planned('echo', 'echo').frame;
    expect(monthOf(july.asOf)).toBe('2026-07');
    const came = duePerMonth(july, unit);
    expect([...came].reduce((a, b) => (b[1] > a[1] ? b : a))[0]).toBe('2026-07');
    const spread = duePerMonth(planned('echo', 'spread', { catchUp: 8 }).frame, unit);
    expect(spread.get('2026-07')!).toBeLessThan(0.8 * came.get('2026-07')!);
  });
});
