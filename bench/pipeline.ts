/**
 * How fast is the whole pipeline compared with just parsing the CSV?
 *
 * For exports of about 10k, 100k and 1M rows: raw parsing by papaparse
 * and by uDSV (UTF-8 decoding included, as the pipeline starts from
 * bytes too), and `analyzeExport(bytes)`: read, validate, obligations,
 * every figure and levelling. Prints the median of several runs and the
 * ratio pipeline / fastest raw parse; the goal is at most 1.5. Also the
 * floor under it: uDSV's parse with each row's case and measure id
 * numbered, which any pipeline that groups rows by measure must do.
 *
 * At the largest size, also `sagsflow analyze` as a whole process against
 * a process that only decodes and parses with uDSV.
 *
 * `npm run bench` or `npm run bench -- 10000 100000` for chosen sizes.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { analyzeExport, type ProgressStage } from '../src/domain/analyze.ts';
import { benchExport, benchExportFile } from './exports.ts';
import { timeMs, type Timing } from './timing.ts';

const GOAL = 1.5;
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = SIZES.length > 0 ? SIZES : [10_000, 100_000, 1_000_000];

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

const parsers: Record<string, (bytes: Uint8Array) => number> = {
  papaparse: (bytes) => Papa.parse<string[]>(decode(bytes), { skipEmptyLines: true }).data.length - 1,
  udsv: (bytes) => {
    const text = decode(bytes);
    return initParser(inferSchema(text)).stringArrs(text).length;
  },
};

/**
 * The least any pipeline does that must find each row's measure: uDSV's parse, then each row's case id and measure
 * id numbered through a map (the cheapest way to tell equal ids; the pairs can then be grouped by counting). Not a
 * parser: the floor under the goal.
 */
function idsFloor(bytes: Uint8Array): number {
  const text = decode(bytes);
  const rows = initParser(inferSchema(text)).stringArrs(text) as string[][];
  const [cases, measures] = [new Map<string, number>(), new Map<string, number>()];
  const number = (ids: Map<string, number>, id: string) => ids.get(id) ?? ids.set(id, ids.size).size - 1;
  const [caseOf, measureOf] = [new Int32Array(rows.length), new Int32Array(rows.length)];
  rows.forEach((row, i) => ((caseOf[i] = number(cases, row[0]!)), (measureOf[i] = number(measures, row[1]!))));
  return rows.length;
}

function runsFor(rows: number) {
  return rows >= 500_000 ? { warmup: 1, runs: 3 } : rows >= 50_000 ? { warmup: 2, runs: 7 } : { warmup: 3, runs: 15 };
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);
console.log('raw parse = UTF-8 decode + parse to string arrays; pipeline = analyzeExport(bytes)\n');

/** Median milliseconds of each pipeline stage, from one progress report to the next. */
function stages(bytes: Uint8Array, options: { warmup: number; runs: number }): string {
  const spans = new Map<string, number[]>();
  timeMs(() => {
    const marks: [ProgressStage | 'end', number][] = [];
    analyzeExport(bytes, { onProgress: (stage) => marks.push([stage, performance.now()]) });
    marks.push(['end', performance.now()]);
    const run = new Map<string, number>();
    for (let i = 0; i + 1 < marks.length; i++) run.set(marks[i]![0], (run.get(marks[i]![0]) ?? 0) + marks[i + 1]![1] - marks[i]![1]);
    for (const [stage, ms] of run) spans.set(stage, [...(spans.get(stage) ?? []), ms]);
  }, { warmup: 0, runs: options.runs });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  return [...spans].map(([stage, ms]) => `${stage} ${median(ms).toFixed(0)} ms`).join(', ');
}

const header = ['rows', 'what', 'ms (median)', 'ms (min)', 'rows/s', 'vs fastest parse'];
const table: string[][] = [];
const verdicts: string[] = [];
for (const target of sizes) {
  const bytes = benchExport(target);
  const counts = Object.values(parsers).map((parse) => parse(bytes));
  const rows = counts[0]!;
  if (counts.some((n) => n !== rows)) console.warn(`warning: the parsers disagree on the row count: ${counts.join(' vs ')}`);
  const options = runsFor(rows);
  const raw = Object.entries(parsers).map(([name, parse]) => [name, timeMs(() => parse(bytes), options)] as const);
  const fastest = Math.min(...raw.map(([, t]) => t.median));
  const floor = timeMs(() => idsFloor(bytes), options);
  let pipeline: Timing | null = null;
  try {
    const analysis = analyzeExport(bytes);
    if (analysis.rows.total !== rows) console.warn(`warning: the pipeline counts ${analysis.rows.total} rows, the parsers ${rows}`);
    pipeline = timeMs(() => analyzeExport(bytes), options);
    verdicts.push(`${rows} rows, pipeline stages (median): ${stages(bytes, options)}`);
  } catch (error) {
    console.warn(`pipeline failed on ${rows} rows: ${(error as Error).message}`);
  }
  const line = (what: string, t: Timing) => [
    String(rows),
    what,
    t.median.toFixed(1),
    t.min.toFixed(1),
    Math.round(rows / (t.median / 1000)).toString(),
    (t.median / fastest).toFixed(2),
  ];
  for (const [name, t] of raw) table.push(line(name, t));
  table.push(line('udsv + ids numbered (floor)', floor));
  verdicts.push(`${rows} rows: uDSV and numbering the case and measure ids alone = ${(floor.median / fastest).toFixed(2)} of the fastest parse, the least a pipeline that groups rows by measure can take`);
  if (pipeline !== null) {
    table.push(line('pipeline', pipeline));
    const ratio = pipeline.median / fastest;
    verdicts.push(`${rows} rows: pipeline / fastest parse = ${ratio.toFixed(2)} ${ratio <= GOAL ? '(within' : '(over'} the goal of ${GOAL})`);
  }
}

const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const fmt = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(fmt(header));
for (const row of table) console.log(fmt(row));
console.log('');
for (const v of verdicts) console.log(v);

/*
 * The same at the largest size as whole processes, as a person runs them:
 * `sagsflow analyze FILE` against a process that only decodes and parses
 * the file with uDSV, both started by Node with the TypeScript loader.
 */
const largest = Math.max(...sizes);
const file = benchExportFile(largest).path;
const RAW = `import { readFileSync } from 'node:fs'; import { inferSchema, initParser } from 'udsv';
const text = new TextDecoder().decode(readFileSync(process.argv[1])); console.log(initParser(inferSchema(text)).stringArrs(text).length);`;
function processMs(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - t0;
}
const best = (f: () => number) => Math.min(f(), f(), f());
const analyzeProcess = best(() => processMs(['src/cli/main.ts', 'analyze', file]));
const rawProcess = best(() => processMs(['--input-type=module', '-e', RAW, file]));
console.log(
  `\nwhole processes at ${largest} rows (best of 3): sagsflow analyze ${(analyzeProcess / 1000).toFixed(2)} s, a uDSV parse ${(rawProcess / 1000).toFixed(2)} s: ${(analyzeProcess / rawProcess).toFixed(2)}×`,
);
