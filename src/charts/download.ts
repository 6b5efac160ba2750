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

/** The markup of a drawn SVG, standalone (namespace declared). */
export function svgMarkup(svg: SVGSVGElement): string {
  const markup = new XMLSerializer().serializeToString(svg);
  return markup.includes('xmlns=') ? markup : markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  saveBlob(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }), name);
}

/** Renders the SVG at `scale` × its size onto a canvas and saves it as PNG. */
export async function savePng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const { width, height } = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
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
