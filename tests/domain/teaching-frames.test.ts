import { describe, expect, it } from 'vitest';
import { deriveExport } from '../../src/domain/analyze.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { SCENARIOS, scenarioOptions } from '../../src/domain/generate/scenarios.ts';
import { levellingByUnit } from '../../src/domain/levelling/index.ts';
import { framesOf, levelFrame, type Frame } from '../../src/domain/teaching/frames.ts';
import { figureAt, FLOW_FIELDS, packFrames, REGISTRATION_FIELDS } from '../../src/domain/teaching/pack.ts';
import { csv } from './helpers.ts';

const text = exportText(generateRows(scenarioOptions('behind', { ...SCENARIOS.behind.defaults, measures: 500 })), 'canonical');
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const window = { dates: ['2026-01-04', '2026-02-01', '2026-03-01'], flowFrom: '2025-12-01', months };
const frames: Frame[] = [...framesOf(text, window, { catchUpWeeks: 3 })];

describe('playback frames', () => {
  it('give, as of each date, the figures of the export cut at that date', () => {
    expect(frames.map((f) => f.asOf)).toEqual(window.dates);
    for (const frame of frames) {
      const { analysis } = deriveExport(text, { asOf: frame.asOf, catchUpWeeks: 3 });
      expect(frame.units).toEqual(analysis.units);
      expect(frame.registration).toEqual(analysis.registration);
      expect(frame.technical).toEqual(analysis.technicalFollowUps);
      expect(levellingByUnit(frame.levelling, 4, 3)).toEqual(analysis.levelling);
      for (const unit of analysis.units) {
        // The flow's last sample is the as-of date in both.
        expect(frame.flow[unit]!.at(-1)).toEqual(analysis.cfd[unit]!.at(-1));
        months.forEach((m, i) => {
          const at = analysis.months.indexOf(m);
          expect(frame.due[unit]![i]).toBe(at < 0 ? 0 : analysis.dueByUnitMonth[unit]![at]);
        });
      }
    }
  });

  it('sample the flow each Sunday from the first week, ending on the as-of date', () => {
    expect(frames[0]!.flowDates).toEqual(['2025-12-07', '2025-12-14', '2025-12-21', '2025-12-28', '2026-01-04']);
    expect(frames[2]!.flowDates.slice(0, 5)).toEqual(frames[0]!.flowDates);
    expect(frames[2]!.flowDates.at(-1)).toBe('2026-03-01');
  });

  it('count the overdue follow-ups of each month as of the frame, none due after it', () => {
    const frame = frames[1]!;
    for (const unit of frame.units) {
      frame.overdue[unit]!.forEach((n, i) => {
        expect(n).toBeLessThanOrEqual(frame.due[unit]![i]!);
        if (months[i]! > '2026-02') expect(n).toBe(0);
      });
    }
    const total = frame.units.reduce((s, u) => s + frame.overdue[u]!.reduce((a, b) => a + b, 0), 0);
    expect(total).toBeGreaterThan(0);
  });

  it('plan a frame as the levelling does: levelled to the bound, with what the lead costs a year', () => {
    const frame = frames[2]!;
    const unit = frame.units[0]!;
    const summary = levellingByUnit(frame.levelling, 4, 3)[unit]!;
    const level = levelFrame(frame, { lead: 4, policy: 'level', capacity: null, unit });
    expect(level.sim.figures.peak.policy).toBe(summary.levelledPeak);
    expect(level.sim.figures.peak.asDue).toBe(summary.baselinePeak);
    expect(level.followUpsAsDue).toBeGreaterThan(0);
    expect(level.extraPerYear).toBeGreaterThanOrEqual(0);
    expect(levelFrame(frame, { lead: 0, policy: 'level', capacity: null, unit }).extraPerYear).toBe(0);
  });

  it('refuse dates out of order', () => {
    expect(() => [...framesOf(text, { ...window, dates: ['2026-02-01', '2026-01-04'] })]).toThrow(/ascending/);
  });

  it('leave a unit with no rows yet as of a frame empty rather than planning every unit', () => {
    const early = [...framesOf(csv(['C1', 'M1', 'Amager', 'measure_start', '2025-11-03'], ['C2', 'M2', 'Valby', 'measure_start', '2026-01-20']), { dates: ['2026-01-04', '2026-02-01'], flowFrom: '2025-12-01', months })];
    const packed = packFrames(early, { lead: 4, policy: 'due', capacity: null, unit: 'Valby' });
    expect(packed.units).toEqual(['Amager', 'Valby']);
    expect(figureAt(packed, 0, 'jobs')).toBe(0);
    expect(figureAt(packed, 1, 'jobs')).toBe(1);
  });
});

describe('packed frames', () => {
  const all = packFrames(frames, { lead: 4, policy: 'level', capacity: 5, unit: null });
  const one = packFrames(frames, { lead: 4, policy: 'level', capacity: 5, unit: 'Valby' });
  const F = FLOW_FIELDS.length;
  const S = all.flowDates.length;

  it('keep each frame’s flow for the scope: all units added up, or one unit', () => {
    frames.forEach((frame, f) => {
      expect(all.flowCount[f]).toBe(frame.flowDates.length);
      const last = frame.flowDates.length - 1;
      FLOW_FIELDS.forEach((field, k) => {
        const sum = frame.units.reduce((s, u) => s + frame.flow[u]![last]![field], 0);
        expect(all.flow[(f * S + last) * F + k]).toBe(sum);
        expect(one.flow[(f * S + last) * F + k]).toBe(frame.flow.Valby![last]![field]);
      });
    });
  });

  it('keep due counts and the registration statistic per unit, whatever the scope', () => {
    expect(one.due).toEqual(all.due);
    const U = all.units.length;
    const u = all.units.indexOf('Valby');
    expect(Array.from(all.due.subarray((2 * U + u) * months.length, (2 * U + u + 1) * months.length))).toEqual(frames[2]!.due.Valby);
    const at = (2 * U + u) * REGISTRATION_FIELDS.length;
    expect(all.registration[at + 1]).toBe(frames[2]!.registration.Valby!.flaggedLate);
    expect(all.registration[at + 4]).toBe(frames[2]!.technical.Valby);
  });

  it('keep the 26 weeks’ loads and the figures of the plan', () => {
    expect(all.weeks).toBe(26);
    frames.forEach((frame, f) => {
      const { sim } = levelFrame(frame, { lead: 4, policy: 'level', capacity: 5, unit: null });
      expect(Array.from(all.load.subarray(f * 26, (f + 1) * 26))).toEqual(sim.load);
      expect(Array.from(all.backlogLoad.subarray(f * 26, (f + 1) * 26))).toEqual(sim.backlogLoad);
      expect(figureAt(all, f, 'peak')).toBe(sim.figures.peak.policy);
      expect(figureAt(all, f, 'weeksOver')).toBe(sim.figures.weeksOver!.policy);
    });
    expect(figureAt(one, 2, 'backlog')).toBe(frames[2]!.levelling.units.find((u) => u.unit === 'Valby')!.backlog.length);
  });
});
