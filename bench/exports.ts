import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeText } from '../src/cli/encode.ts';
import { generateRows, exportText, VARIANTS } from '../src/domain/generate/index.ts';

/*
 * Benchmark inputs: canonical exports of about a given number of rows,
 * generated once and cached under .bench/ (git-ignored). Delete .bench/
 * after changing the generator, so the sizes are generated anew.
 */

const CACHE = '.bench';
const SEED = 20261031;
const CALIBRATION_MEASURES = 5000;

let rowsPerMeasure: number | undefined;

/** Rows the generator writes per measure, measured once on a sample. */
function calibrate(): number {
  rowsPerMeasure ??= generateRows({ seed: SEED, measures: CALIBRATION_MEASURES }).length / CALIBRATION_MEASURES;
  return rowsPerMeasure;
}

/**
 * The bytes of an export of about `rows` rows, from the cache or freshly
 * generated (then cached).
 * @example benchExport(100_000).length // about 7 MB
 */
export function benchExport(rows: number): Uint8Array {
  const { path } = benchExportFile(rows);
  return readFileSync(path);
}

/**
 * The cached file of an export of about `rows` rows (generated first if
 * need be), for a browser to open by its path.
 * @example benchExportFile(10_000).path // '.bench/export-10000-seed20261031.csv'
 */
export function benchExportFile(rows: number): { path: string; bytes: number } {
  const file = join(CACHE, `export-${rows}-seed${SEED}.csv`);
  if (existsSync(file)) return { path: file, bytes: statSync(file).size };
  const measures = Math.max(1, Math.round(rows / calibrate()));
  const bytes = encodeText(exportText(generateRows({ seed: SEED, measures }), 'canonical'), VARIANTS.canonical.encoding);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file); // never leave half a file in the cache
  return { path: file, bytes: bytes.length };
}
