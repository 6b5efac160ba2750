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

/** The markup of a drawn SVG, standalone (namespace declared). */
function svgMarkup(svg: SVGSVGElement): string {
  const markup = new XMLSerializer().serializeToString(svg);
  return markup.includes('xmlns=') ? markup : markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}

/**
 * One picture of the charts in `container`, each placed where it is shown
 * (small multiples stay side by side), on a white ground.
 */
export function drawingOf(svgs: readonly SVGSVGElement[], container: Element): Drawing | null {
  const first = svgs[0];
  if (!first) return null;
  if (svgs.length === 1) {
    const { width, height } = first.viewBox.baseVal;
    return { markup: svgMarkup(first), width, height };
  }
  const origin = container.getBoundingClientRect();
  const placed = svgs.map((svg) => {
    const box = svg.getBoundingClientRect();
    const x = Math.round(box.left - origin.left);
    const y = Math.round(box.top - origin.top);
    const { width, height } = svg.viewBox.baseVal;
    return { x, y, width, height, markup: svgMarkup(svg).replace('<svg', `<svg x="${x}" y="${y}"`) };
  });
  const width = Math.max(...placed.map((p) => p.x + p.width));
  const height = Math.max(...placed.map((p) => p.y + p.height));
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${placed.map((p) => p.markup).join('')}</svg>`;
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
 * The delimiter a spreadsheet in the page's language expects: Danish Excel
 * splits on `;` (its decimal mark is the comma), others on `,`.
 */
export function pageCsvDelimiter(): ',' | ';' {
  return document.documentElement.lang.toLowerCase().startsWith('da') ? ';' : ',';
}
