import { describe, expect, it } from 'vitest';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import { SCENARIOS, scenarioOptions } from '../../src/domain/generate/scenarios.ts';
import { framesOf } from '../../src/domain/teaching/frames.ts';
import { packFrames } from '../../src/domain/teaching/pack.ts';
import { busiestMonth, figuresAt, flowAt, frameOf, heatAt, loadAt, registrationAt, scalesOf } from '../../src/domain/teaching/view.ts';

const text = exportText(generateRows(scenarioOptions('august', { ...SCENARIOS.august.defaults, measures: 400 })), 'canonical');
const months = ['2025-09', '2025-10', '2025-11', '2025-12'];
const frames = [...framesOf(text, { dates: ['2025-09-28', '2025-10-05', '2025-10-12'], flowFrom: '2025-09-01', months })];
const due = packFrames(frames, { lead: 4, policy: 'due', capacity: 3, unit: null });
const level = packFrames(frames, { lead: 8, policy: 'level', capacity: 3, unit: null });

describe('a frame of packed frames', () => {
  it('gives the flow up to the frame’s date, the last sample on it', () => {
    const { points, due: dueLine } = flowAt(due, 1);
    expect(points.map((p) => p.date)).toEqual(frames[1]!.flowDates);
    expect(points.at(-1)!.date).toBe('2025-10-05');
    const last = frames[1]!.units.reduce((s, u) => s + frames[1]!.flow[u]!.at(-1)!.done, 0);
    expect(points.at(-1)!.done).toBe(last);
    expect(dueLine).toHaveLength(points.length);
    expect(points.every((p) => p.created === p.done + p.missed + p.overdue + p.upcoming)).toBe(true);
  });

  it('gives the heatmap of units and months, each cell’s overdue ones in its split', () => {
    const tab = heatAt(due, 2);
    expect(tab.rows).toEqual(frames[2]!.units);
    expect(tab.cols).toEqual(months);
    tab.rows.forEach((unit, r) => tab.cols.forEach((_, c) => {
      expect(tab.cells[r]![c]!.total).toBe(frames[2]!.due[unit]![c]);
      expect(tab.cells[r]![c]!.byStatus.overdue).toBe(frames[2]!.overdue[unit]![c]);
    }));
    expect(tab.max).toBe(Math.max(...tab.cells.flat().map((c) => c.total)));
    const busiest = busiestMonth(due, 2);
    expect(busiest.due).toBe(Math.max(...months.map((_, c) => tab.cells.reduce((s, row) => s + row[c]!.total, 0))));
  });

  it('gives the 26 weeks of the plan from the frame’s first workday’s week', () => {
    const load = loadAt(level, 0);
    expect(load.weeks).toHaveLength(26);
    expect(load.weeks[0]).toEqual({ key: '2025-W40', monday: '2025-09-29' });
    expect(load.weeks[25]!.monday).toBe('2026-03-23');
    expect(Math.max(...load.load)).toBe(figuresAt(level, 0).peak);
    expect(Math.max(...load.asDueLoad)).toBe(figuresAt(level, 0).asDuePeak);
  });

  it('gives each unit’s registration statistic', () => {
    const stats = registrationAt(due, 2);
    expect(stats.map((s) => s.unit)).toEqual(frames[2]!.units);
    for (const s of stats) expect(s).toMatchObject({ ...frames[2]!.registration[s.unit], technical: frames[2]!.technical[s.unit] });
  });
});

describe('the scales of a playback', () => {
  it('reach the top of every frame of every panel, so charts hold still and panels compare', () => {
    const both = scalesOf([due, level]);
    for (const p of [due, level]) {
      for (let f = 0; f < p.dates.length; f++) {
        expect(both.load).toBeGreaterThanOrEqual(Math.max(...loadAt(p, f).load, ...loadAt(p, f).asDueLoad));
        expect(both.heat).toBeGreaterThanOrEqual(heatAt(p, f).max);
        expect(both.flow).toBeGreaterThanOrEqual(flowAt(p, f).points.at(-1)!.created);
      }
    }
    expect(both.load).toBe(Math.max(scalesOf([due]).load, scalesOf([level]).load));
  });
});

describe('the frame of a date', () => {
  it('is the last frame on or before it, the first for none or an earlier date', () => {
    const p = { dates: ['2025-06-01', '2025-06-08', '2025-06-15'] };
    expect(frameOf(p, '2025-06-08')).toBe(1);
    expect(frameOf(p, '2025-06-10')).toBe(1);
    expect(frameOf(p, '2030-01-01')).toBe(2);
    expect(frameOf(p, '2020-01-01')).toBe(0);
    expect(frameOf(p, null)).toBe(0);
  });
});
