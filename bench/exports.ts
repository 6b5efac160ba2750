import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  const file = join(CACHE, `export-${rows}-seed${SEED}.csv`);
  if (existsSync(file)) return readFileSync(file);
  const measures = Math.max(1, Math.round(rows / calibrate()));
  const bytes = encodeText(exportText(generateRows({ seed: SEED, measures }), 'canonical'), VARIANTS.canonical.encoding);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file); // never leave half a file in the cache
  return bytes;
}
