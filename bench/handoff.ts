/**
 * What the page's main thread pays to receive an analysis from the worker.
 *
 * Generates an export of 100,000 measures (or the count given), analyses
 * it, then compares the figures posted as they are (a structured clone of
 * every obligation, registration and case, rebuilt in one task of the
 * receiving thread) with the figures posted as columns of transferred
 * arrays (src/workers/figuresTransfer.ts) and built back a slice at a
 * time: the whole, and the longest slice, which is the longest the page
 * cannot answer. Against the 50 ms of a long task.
 *
 * `npm run bench:handoff` or `npm run bench:handoff -- 300000`.
 */
import { cpus, totalmem } from 'node:os';
import { figuresOf } from '../src/domain/analyze.ts';
import { exportText, generateRows } from '../src/domain/generate/index.ts';
import { packFigures, unpackFigures } from '../src/workers/figuresTransfer.ts';

const LONG_TASK_MS = 50;
const measures = Number(process.argv[2] ?? 100_000) || 100_000;
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);

const text = exportText(generateRows({ seed: 20261031, measures }), 'canonical');
const figures = figuresOf(text);
console.log(`${measures} measures: ${figures.analysis.rows.total} rows, ${figures.obligations.length} obligations, ${figures.registrations.rows.length} registrations, ${figures.cases.length} cases`);

let t0 = performance.now();
structuredClone(figures);
console.log(`as they are: one structured clone of ${(performance.now() - t0).toFixed(0)} ms (the receiving side's share in one task)`);

t0 = performance.now();
const { figures: packed, transfer } = packFigures(figures);
const packing = performance.now() - t0;
t0 = performance.now();
const received = structuredClone(packed, { transfer });
const cloning = performance.now() - t0;
let longest = 0;
let last = performance.now();
t0 = last;
await unpackFigures(received, {
  pause: async () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  },
});
longest = Math.max(longest, performance.now() - last);
console.log(`as columns: packed in the worker in ${packing.toFixed(0)} ms, cloned with transfer in ${cloning.toFixed(0)} ms, built back in ${(performance.now() - t0).toFixed(0)} ms`);
const worst = Math.max(cloning, longest);
console.log(`longest task of the receiving side: ${worst.toFixed(0)} ms ${worst <= LONG_TASK_MS ? '(within' : '(over'} a long task's ${LONG_TASK_MS} ms)`);
