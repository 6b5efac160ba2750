import type { Cell } from '../domain/export/csv.ts';

/*
 * Saving what a chart shows: its SVG as drawn, a PNG made from that SVG,
 * and a CSV of the table behind it. Nothing leaves the browser: files are
 * made from blobs and handed to the browser's own download.
 */

/** Offers `blob` as a file download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A picture to save: standalone SVG markup and its size in pixels. */
export interface Drawing {
  markup: string;
  width: number;
  height: number;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const INK = '#1b1f24';
const MUTED = '#4a5260';
const PAD = 12;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The markup of a drawn SVG, standalone (namespace declared). */
function svgMarkup(svg: SVGSVGElement): string {
  const markup = new XMLSerializer().serializeToString(svg);
  return markup.includes('xmlns=') ? markup : markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}

/**
 * One picture of the charts in `container`, each placed where it is shown
 * (small multiples stay side by side, each with its heading), on a white ground.
 */
export function drawingOf(svgs: readonly SVGSVGElement[], container: Element): Drawing | null {
  const first = svgs[0];
  if (!first) return null;
  if (svgs.length === 1) {
    const { width, height } = first.viewBox.baseVal;
    return { markup: svgMarkup(first), width, height };
  }
  const headings = [...container.querySelectorAll('h3, h4')];
  const boxes = [...svgs, ...headings].map((el) => el.getBoundingClientRect());
  const origin = { left: Math.min(...boxes.map((b) => b.left)), top: Math.min(...boxes.map((b) => b.top)) };
  // Inset a little, so a heading at the left edge does not touch the picture's.
  const INSET = 8;
  const at = (box: DOMRect) => ({ x: Math.round(box.left - origin.left) + INSET, y: Math.round(box.top - origin.top) + INSET });
  const placed = svgs.map((svg) => {
    const { x, y } = at(svg.getBoundingClientRect());
    const { width, height } = svg.viewBox.baseVal;
    return { x, y, width, height, markup: svgMarkup(svg).replace('<svg', `<svg x="${x}" y="${y}"`) };
  });
  // A small multiple's heading (its unit) is HTML beside the SVG: drawn as text where it stands.
  for (const heading of headings) {
    const box = heading.getBoundingClientRect();
    const { x, y } = at(box);
    const size = parseFloat(getComputedStyle(heading).fontSize) || 16;
    const text = `<text x="${x}" y="${y + box.height * 0.75}" font-size="${size}" font-weight="600" fill="${INK}" font-family="${escapeXml(FONT)}">${escapeXml(heading.textContent?.trim() ?? '')}</text>`;
    placed.push({ x, y, width: Math.round(box.width), height: Math.round(box.height), markup: text });
  }
  const width = Math.max(...placed.map((p) => p.x + p.width)) + INSET;
  const height = Math.max(...placed.map((p) => p.y + p.height)) + INSET;
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${placed.map((p) => p.markup).join('')}</svg>`;
  return { markup, width, height };
}

/** What a saved picture says around its chart, so it can go into a report as it is. */
export interface PictureCaption {
  title: string;
  /** Under the title: what the numbers are, as of when, and the file they came from. */
  lines: readonly string[];
}

/** One entry of a legend as drawn on the page: its swatch (an SVG, or none) and its words, with its width there. */
interface LegendEntry {
  swatch: { markup: string; width: number; height: number } | null;
  label: string;
  width: number;
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  return { width: Number(svg.getAttribute('width')) || 16, height: Number(svg.getAttribute('height')) || 12 };
}

/** The size of a legend's words in a picture: the chart's own. */
const LEGEND_FONT = 12;

/**
 * The entries of a legend on the page, in their order: each list item (a
 * swatch and its name), each picture of its own (a colour ramp), each note.
 * Widths are those drawn on the page, brought to the picture's font size,
 * or guessed where nothing is laid out.
 */
function legendEntries(legend: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const el of legend.querySelectorAll('li, svg, p')) {
    if (el.localName === 'svg') {
      // A picture of its own (a colour ramp); a swatch is taken with its item.
      if (el.closest('li')) continue;
      const size = svgSize(el as SVGSVGElement);
      entries.push({ swatch: { markup: svgMarkup(el as SVGSVGElement), ...size }, label: '', width: size.width });
      continue;
    }
    const svg = el.querySelector('svg');
    const swatch = svg ? { markup: svgMarkup(svg), ...svgSize(svg) } : null;
    const label = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const swatchWidth = swatch ? swatch.width + 6 : 0;
    const drawn = el.getBoundingClientRect().width - swatchWidth;
    const pageFont = parseFloat(getComputedStyle(el).fontSize) || LEGEND_FONT;
    const words = drawn > 0 ? drawn * (LEGEND_FONT / pageFont) : 0.6 * LEGEND_FONT * label.length;
    entries.push({ swatch, label, width: Math.ceil(swatchWidth + words) });
  }
  return entries;
}

/** A legend's entries in rows as wide as the picture from `top`, each as wide as on the page: its markup and the height it takes. */
function legendRows(entries: readonly LegendEntry[], width: number, top: number): { markup: string; height: number } {
  const parts: string[] = [];
  let x = PAD;
  let y = top;
  let row = 0;
  for (const entry of entries) {
    const height = Math.max(entry.swatch?.height ?? 0, LEGEND_FONT * 1.4);
    if (x > PAD && x + entry.width > width - PAD) {
      x = PAD;
      y += row + 6;
      row = 0;
    }
    if (entry.swatch) parts.push(entry.swatch.markup.replace('<svg', `<svg x="${x}" y="${y + (height - entry.swatch.height) / 2}"`));
    if (entry.label) {
      const at = x + (entry.swatch ? entry.swatch.width + 6 : 0);
      parts.push(`<text x="${at}" y="${y + height / 2}" dy="0.35em" font-size="${LEGEND_FONT}" fill="${INK}">${escapeXml(entry.label)}</text>`);
    }
    x += entry.width + 16;
    row = Math.max(row, height);
  }
  return { markup: parts.join(''), height: row > 0 ? y + row + 8 - top : 0 };
}

/**
 * The chart with its title and caption lines above it and its legend
 * between them, as one picture on a white ground: what a saved PNG or SVG
 * needs to stand on its own in a report or on a slide.
 */
export function captionedDrawing(chart: Drawing, caption: PictureCaption, legend: Element | null): Drawing {
  const width = Math.max(chart.width, 320);
  const lines = [
    `<text x="${PAD}" y="${PAD + 16}" font-size="16" font-weight="600" fill="${INK}">${escapeXml(caption.title)}</text>`,
    ...caption.lines.map((line, i) => `<text x="${PAD}" y="${PAD + 16 + 18 * (i + 1)}" font-size="12" fill="${MUTED}">${escapeXml(line)}</text>`),
  ];
  const legendTop = PAD + 16 + 18 * caption.lines.length + 12;
  const key = legendRows(legend ? legendEntries(legend) : [], width, legendTop);
  const chartTop = Math.round(legendTop + key.height);
  const height = Math.ceil(chartTop + chart.height + PAD / 2);
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${lines.join('')}${key.markup}` +
    `${chart.markup.replace('<svg', `<svg x="0" y="${chartTop}"`)}</svg>`;
  return { markup, width, height };
}

export function saveSvg(drawing: Drawing, name: string): void {
  saveBlob(new Blob([drawing.markup], { type: 'image/svg+xml' }), name);
}

/** Renders the drawing at `scale` × its size onto a canvas and saves it as PNG. */
export async function savePng({ markup, width, height }: Drawing, name: string, scale = 2): Promise<void> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw to a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image could not be made.');
    saveBlob(blob, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveCsv(text: string, name: string): void {
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

/**
 * A table saved as a CSV for the spreadsheet of the page's language: formula
 * safe, with its delimiter and decimal mark. `name` without its `.csv`. The
 * CSV writer (Papa Parse) is fetched on the first download, not with the view.
 */
export async function saveTableCsv(header: readonly string[], rows: readonly (readonly Cell[])[], name: string): Promise<void> {
  const { formulaSafeCsv } = await import('../domain/export/csv.ts');
  saveCsv(formulaSafeCsv(header, rows, { delimiter: pageCsvDelimiter() }), `${name}.csv`);
}

/**
 * The delimiter a spreadsheet in the page's language expects: Danish Excel
 * splits on `;` (its decimal mark is the comma), others on `,`.
 */
export function pageCsvDelimiter(): ',' | ';' {
  return document.documentElement.lang.toLowerCase().startsWith('da') ? ';' : ',';
}
