// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import HeatmapChart from '../../src/app/pages/heatmaps/HeatmapChart.svelte';
import FlowChart from '../../src/app/pages/flow/FlowChart.svelte';
import { formatsFor } from '../../src/app/pages/heatmaps/format.ts';
import type { HeatmapSpec } from '../../src/app/pages/heatmaps/spec.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { cellValues, forecastCols, unitMonthTab } from '../../src/domain/aggregate/heatmaps.ts';
import { FLOW_BANDS } from '../../src/domain/aggregate/flowView.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';

/** A wide bold font, as Debian's DejaVu Sans is: 9 px a character, more than a guess of 7 allows for. */
const PER_CHAR = 9;
const proto = SVGElement.prototype as SVGElement & { getComputedTextLength?: () => number };
beforeAll(() => {
  proto.getComputedTextLength = function (this: SVGElement) {
    return (this.textContent ?? '').length * PER_CHAR;
  };
});
afterAll(() => {
  delete proto.getComputedTextLength;
});

const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 7, measures: 150 }), 'canonical'));
const f = formatsFor('en-GB');

/** The tooltip's box in the SVG's own pixels, and its widest line. */
function tooltipBox(svg: SVGSVGElement) {
  const tip = svg.querySelector('rect[rx="4"]')!.parentElement!;
  const plot = /translate\(([-\d.]+),/.exec(svg.querySelector(':scope > g')!.getAttribute('transform')!)!;
  const at = /translate\(([-\d.]+),([-\d.]+)\)/.exec(tip.getAttribute('transform')!)!;
  const x = Number(plot[1]) + Number(at[1]);
  const width = Number(tip.querySelector('rect')!.getAttribute('width'));
  const widest = Math.max(...[...tip.querySelectorAll('text')].map((t) => Number(t.getAttribute('x')) + t.textContent!.length * PER_CHAR));
  return { x, width, widest, svgWidth: Number(svg.getAttribute('width')) };
}

describe('a tooltip', () => {
  it('holds its bold title inside its box and stays inside the chart at the heatmap’s right edge', async () => {
    locale.lang = 'en';
    const tab = unitMonthTab(obligations, analysis.units, analysis.months);
    const values = cellValues(tab, {});
    const spec: HeatmapSpec = {
      tab, value: values.value, max: values.max, perFte: false, format: f.count, count: f.count,
      rowLabel: (r) => r, colLabel: f.month, colTick: f.monthTick, axis: { row: 'Unit', col: 'Month' },
      now: analysis.months[12]!, forecast: forecastCols(analysis.months, analysis.months[12]!), capacity: null,
    };
    const { container } = render(HeatmapChart, { spec, label: 'x', width: 640, selected: null, onselect: () => {} });
    const svg = container.querySelector<SVGSVGElement>('svg.chart')!;
    const cells = [...svg.querySelectorAll('.cell')];
    await fireEvent.pointerOver(cells[tab.cols.length - 1]!);
    const box = tooltipBox(svg);
    expect(box.widest).toBeLessThanOrEqual(box.width);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(box.svgWidth);
  });

  it('does the same for the flow’s date cursor at the last date', async () => {
    // The flow's frame is as wide as its container, which jsdom does not lay out.
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
    onTestFinished(() => width.mockRestore());
    const units = analysis.units;
    const unit = units[0]!;
    const { container } = render(FlowChart, {
      name: unit, points: analysis.cfd[unit]!, due: analysis.cfd[unit]!.map((p) => p.created), visible: FLOW_BANDS, lines: true,
      yMax: Math.max(...analysis.cfd[unit]!.map((p) => p.created)), grain: 'week', height: 240,
    });
    const svg = container.querySelector<SVGSVGElement>('svg.chart')!;
    await fireEvent.focus(svg.querySelector('[role="slider"]')!);
    const box = tooltipBox(svg);
    expect(box.widest).toBeLessThanOrEqual(box.width);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(box.svgWidth);
  });
});
