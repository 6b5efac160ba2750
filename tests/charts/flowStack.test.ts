import { describe, expect, it } from 'vitest';
import { nearestIndex, plotX } from '../../src/charts/pointer.ts';
import { stackLayers } from '../../src/charts/stack.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { FLOW_BANDS, flowFigures } from '../../src/domain/aggregate/flowView.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';

const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 11, measures: 300 }), 'canonical'));

describe('the stacked bands handed to the flow’s area mark', () => {
  for (const grain of ['month', 'week'] as const) {
    it(`stack done, missed, overdue and upcoming in flow order, the top edge equal to created (${grain})`, () => {
      const f = flowFigures(analysis, obligations, grain);
      for (const points of [f.all, ...analysis.units.map((u) => f.units[u]!)]) {
        const layers = stackLayers(points, FLOW_BANDS);
        expect(layers.map((l) => l.key)).toEqual(['done', 'missed', 'overdue', 'upcoming']);
        expect(layers[0]!.lower.every((v) => v === 0)).toBe(true);
        for (let k = 1; k < layers.length; k++) expect(layers[k]!.lower).toEqual(layers[k - 1]!.upper);
        expect(layers.at(-1)!.upper).toEqual(points.map((p) => p.created));
        // Departures at the bottom: the first band's top is done, and it never falls.
        expect(layers[0]!.upper).toEqual(points.map((p) => p.done));
        points.forEach((p, i) => {
          if (i === 0) return;
          const q = points[i - 1]!;
          expect(p.created >= q.created && p.done >= q.done && p.missed >= q.missed).toBe(true);
        });
      }
    });
  }

  it('a hidden band leaves the stack, and the bands above it move down', () => {
    const points = analysis.cfd[analysis.units[0]!]!;
    const layers = stackLayers(points, ['missed', 'overdue', 'upcoming']);
    expect(layers[0]!.lower.every((v) => v === 0)).toBe(true);
    expect(layers.at(-1)!.upper).toEqual(points.map((p) => p.created - p.done));
  });
});

describe('pointer positions on a chart', () => {
  it('finds the nearest sample to a position', () => {
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
    expect(nearestIndex([0, 10, 20], -5)).toBe(0);
  });

  it('scales client pixels to plot pixels when the chart is drawn narrower than its frame', () => {
    const element = { getBoundingClientRect: () => ({ left: 100, width: 200 }) } as unknown as Element;
    expect(plotX({ clientX: 200 }, element, 400)).toBe(200);
  });
});
