import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRows, exportText, VARIANTS, type VariantName } from '../domain/generate/index.ts';
import { encodeText } from './encode.ts';
import { UsageError } from './errors.ts';

export const DEMO_USAGE = 'sagsflow demo DIR';

/** The demo's seed and size: fixed, so every build ships the same files. */
export const DEMO = { seed: 2026, measures: 2000 } as const;

/** One entry of DIR/index.json: what the app lists and where the file is, relative to DIR. */
export interface DemoEntry {
  id: string;
  name: string;
  names: Record<string, string>;
  file: string;
  variant: VariantName;
}

export const DEMO_EXPORTS: readonly DemoEntry[] = [
  { id: 'demo', name: 'Demo: 8 units (synthetic)', names: { da: 'Demo: 8 enheder (syntetiske data)' }, file: 'demo.csv', variant: 'canonical' },
  { id: 'demo-excel-da', name: 'Demo: Danish Excel export (synthetic)', names: { da: 'Demo: dansk Excel-udtræk (syntetiske data)' }, file: 'demo-excel-da.csv', variant: 'danish-excel' },
];

/**
 * `demo DIR`: writes the app's built-in exports and DIR/index.json,
 * `{ "exports": [{ "id", "name", "names", "file" }] }`. Both files carry the same rows.
 * @example runDemo(['public/exports'])
 */
export function runDemo(args: string[]): void {
  const [dir, ...extra] = args;
  if (dir === undefined || dir.startsWith('-') || extra.length > 0) throw new UsageError(`usage: ${DEMO_USAGE}`);
  const rows = generateRows(DEMO);
  mkdirSync(dir, { recursive: true });
  for (const e of DEMO_EXPORTS) {
    writeFileSync(join(dir, e.file), encodeText(exportText(rows, e.variant), VARIANTS[e.variant].encoding));
  }
  const index = { exports: DEMO_EXPORTS.map(({ id, name, names, file }) => ({ id, name, names, file })) };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}
