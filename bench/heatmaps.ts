/**
 * Do the workload heatmaps stay smooth with 100,000 measures loaded?
 *
 * Times what the heatmaps page derives on every change of its URL state
 * (type filter, FTE, unit, chosen cell): each step must take well under a
 * frame budget of about 100 ms on the project's 2-core machines. Each run
 * follows a short idle time, as between two clicks.
 *
 * `npm run bench:heatmaps` or `npm run bench:heatmaps -- 20000` for another number of measures.
 */
import { deriveExport } from '../src/domain/analyze.ts';
import {
  caseworkerWeekObligations,
  caseworkerWeekTab,
  cellValues,
  measureTypes,
  nonEmptyCells,
  ofTypes,
  unitMonthObligations,
  unitMonthTab,
} from '../src/domain/aggregate/heatmaps.ts';
import { generateRows, exportText } from '../src/domain/generate/index.ts';
import { cpus, totalmem } from 'node:os';
import { timeIdleMs } from './timing.ts';

const measures = Number(process.argv[2]) || 100_000;
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);
const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 20261031, measures }), 'canonical'));
console.log(`${measures.toLocaleString('en')} measures, ${obligations.length.toLocaleString('en')} obligations, ${analysis.units.length} units\n`);

const unit = analysis.units[0]!;
const types = measureTypes(obligations);
const tab = unitMonthTab(obligations, analysis.units, analysis.months);
const weeks = caseworkerWeekTab(obligations, unit, analysis.asOf);
const fte = Object.fromEntries(analysis.units.map((u) => [u, 4]));

const steps: [string, () => unknown][] = [
  ['measureTypes', () => measureTypes(obligations)],
  ['ofTypes (one type)', () => ofTypes(obligations, types.slice(0, 1))],
  ['unitMonthTab', () => unitMonthTab(obligations, analysis.units, analysis.months)],
  ['cellValues (per FTE)', () => cellValues(tab, fte)],
  ['nonEmptyCells (status table)', () => nonEmptyCells(tab)],
  ['caseworkerWeekTab', () => caseworkerWeekTab(obligations, unit, analysis.asOf)],
  ['unitMonthObligations (one cell)', () => unitMonthObligations(obligations, unit, analysis.months[12]!)],
  ['caseworkerWeekObligations (one cell)', () => caseworkerWeekObligations(obligations, unit, weeks.rows[0] ?? '', weeks.cols[26]!)],
];

for (const [name, fn] of steps) {
  const { median, max } = await timeIdleMs(fn, { warmup: 2, runs: 9 });
  console.log(`${name.padEnd(40)} median ${median.toFixed(1).padStart(7)} ms   slowest ${max.toFixed(1).padStart(7)} ms`);
}
