// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import HeatmapChart from '../../src/app/pages/heatmaps/HeatmapChart.svelte';
import { formatsFor } from '../../src/app/pages/heatmaps/format.ts';
import type { HeatmapSpec } from '../../src/app/pages/heatmaps/spec.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { cellValues, forecastCols, unitMonthTab } from '../../src/domain/aggregate/heatmaps.ts';

// Two units, four months around the as-of date (2025-06-30): small enough to read in the snapshot.
const text = [
  'case_id,measure_id,unit,caseworker,measure_type,event,date',
  'C1,M1,Amager,AB,forebyggende,start,2025-01-15',
  'C2,M2,Amager,CD,anbringelse,start,2025-01-20',
  'C3,M3,Valby,EF,forebyggende,start,2025-03-02',
  'C3,M3,Valby,EF,forebyggende,follow_up,2025-05-30',
  'C4,M4,Valby,EF,forebyggende,start,2025-04-10',
].join('\n');
const { analysis, obligations } = deriveExport(text, { asOf: '2025-06-30' });
const months = ['2025-04', '2025-05', '2025-06', '2025-07'];
const f = formatsFor('en-GB');

function specOf(fte: Record<string, number> = {}, capacity: number | null = null): HeatmapSpec {
  const tab = unitMonthTab(obligations, analysis.units, months);
  const values = cellValues(tab, fte);
  return {
    tab, value: values.value, max: values.max, perFte: values.perFte,
    format: values.perFte ? f.load : f.count, count: f.count,
    rowLabel: (r) => r, colLabel: f.month, colTick: f.monthTick,
    axis: { row: 'Unit', col: 'Month' }, now: '2025-06', forecast: forecastCols(months, '2025-06'), capacity,
  };
}

/** The SVG as text, one element a line, every number rounded to one decimal, no style hashes. */
function serialise(svg: Element): string {
  return svg.outerHTML
    .replace(/ class="([^"]*?)\s*svelte-[a-z0-9]+"/g, (_, c: string) => (c ? ` class="${c}"` : ''))
    .replace(/<!---->/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/>\s*</g, '>\n<');
}

describe('the unit × month heatmap', () => {
  it('draws the same SVG for the same figures', () => {
    locale.lang = 'en';
    const { container } = render(HeatmapChart, { spec: specOf({}, 1), label: 'Follow-ups due per unit and month', width: 480, selected: { row: 'Amager', col: '2025-04' }, onselect: () => {} });
    expect(serialise(container.querySelector('svg.chart')!)).toMatchSnapshot();
  });

  it('prints each count in its cell and outlines only the cells above capacity', () => {
    const { container } = render(HeatmapChart, { spec: specOf({}, 1), label: 'x', width: 480, selected: null, onselect: () => {} });
    const cells = [...container.querySelectorAll('.cell')];
    // The numbers are a layer over the cells, one text per cell in the cells' order (empty for none).
    expect([...container.querySelectorAll('.numbers text')].map((t) => t.textContent)).toEqual(['2', '', '', '', '', '', '1', '1']);
    const at = (el: Element) => [Number(el.getAttribute('x')), Number(el.getAttribute('y'))];
    const outlines = [...container.querySelectorAll('.outlines rect[stroke="#D55E00"]')].map(at);
    // An outline is drawn 1.5 px inside its cell's square.
    const outlined = cells.map((c) => outlines.some(([x, y]) => x === at(c)[0]! + 1.5 && y === at(c)[1]! + 1.5));
    expect(outlined).toEqual([true, false, false, false, false, false, false, false]);
  });

  it('prints the load per FTE with one decimal when every unit has an FTE', () => {
    const { container } = render(HeatmapChart, { spec: specOf({ Amager: 4, Valby: 2 }), label: 'x', width: 480, selected: null, onselect: () => {} });
    const texts = [...container.querySelectorAll('.numbers text')].map((t) => t.textContent);
    expect(texts).toEqual(['0.5', '', '', '', '', '', '0.5', '0.5']);
  });

  it('moves focus across cells with the arrow keys and selects with Enter', async () => {
    const onselect = vi.fn();
    const { container } = render(HeatmapChart, { spec: specOf(), label: 'x', width: 480, selected: null, onselect });
    const cells = [...container.querySelectorAll<SVGRectElement>('.cell')];
    expect(cells.map((c) => c.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1']);
    cells[0]!.focus();
    await fireEvent.keyDown(cells[0]!, { key: 'ArrowRight' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cells[6]);
    expect(cells[6]).toHaveAttribute('tabindex', '0');
    expect(cells[0]).toHaveAttribute('tabindex', '-1');
    await fireEvent.keyDown(cells[6]!, { key: 'Enter' });
    expect(onselect).toHaveBeenCalledWith(expect.objectContaining({ row: 'Valby', col: '2025-06', total: 1 }));
    await fireEvent.keyDown(cells[6]!, { key: 'End' });
    expect(document.activeElement).toBe(cells[7]);
  });
});
