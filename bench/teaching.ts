/**
 * Does the teaching view's playback keep at least 10 frames a second on
 * 2,000 measures?
 *
 * The frames are made in the teaching worker: the scenario generated and
 * read, then derived as of each Sunday of the playback (`framesOf`), and
 * planned for the view's lead, policy and unit (`packFrames`). A playback
 * step on the page only takes one frame's values out of the packed arrays
 * (`flowAt`, `heatAt`, `loadAt`, …). This times each part per frame and
 * prints frames per second against the goal; drawing the SVG is the
 * browser's and is not timed here.
 *
 * `npm run bench:teaching` or `npm run bench:teaching -- 5000` (measures).
 */
import { cpus, totalmem } from 'node:os';
import { generateRows, exportText } from '../src/domain/generate/index.ts';
import { SCENARIOS, scenarioOptions } from '../src/domain/generate/scenarios.ts';
import { framesOf } from '../src/domain/teaching/frames.ts';
import { packFrames } from '../src/domain/teaching/pack.ts';
import { scenarioWindow } from '../src/domain/teaching/scenario.ts';
import { busiestMonth, figuresAt, flowAt, heatAt, loadAt, registrationAt } from '../src/domain/teaching/view.ts';
import { timeMs } from './timing.ts';

const GOAL_FPS = 10;
const measures = Number(process.argv[2] ?? 2000) || 2000;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);

const fps = (msPerFrame: number) => (msPerFrame > 0 ? 1000 / msPerFrame : Infinity);
const line = (name: string, ms: number, frames: number) =>
  console.log(`${name.padEnd(44)}${ms.toFixed(0).padStart(7)} ms  ${(ms / frames).toFixed(2).padStart(7)} ms a frame  ${fps(ms / frames).toFixed(0).padStart(6)} frames/s`);

const params = { ...SCENARIOS.august.defaults, measures };
const window = scenarioWindow();
const F = window.dates.length;
console.log(`scenario "august", ${measures} measures, ${F} frames (one a week)\n`);

let t0 = performance.now();
const text = exportText(generateRows(scenarioOptions('august', params)), 'canonical');
console.log(`generated and written as CSV in ${(performance.now() - t0).toFixed(0)} ms (${text.length.toLocaleString('en')} characters)`);

t0 = performance.now();
const cold = [...framesOf(text, window, { catchUpWeeks: params.catchUp })];
line('frames derived, first time', performance.now() - t0, F);
const derive = timeMs(() => [...framesOf(text, window, { catchUpWeeks: params.catchUp })], { warmup: 1, runs: 3 });
line('frames derived (median of 3)', derive.median, F);

const settings = { lead: 4, policy: 'level' as const, capacity: params.capacity, unit: null };
t0 = performance.now();
const packed = packFrames(cold, settings);
line('frames planned, first time (costs cold)', performance.now() - t0, F);
const replans = [0, 2, 6, 8].map((lead) => timeMs(() => packFrames(cold, { ...settings, lead }), { warmup: 0, runs: 1 }).median);
line('re-planned for a new lead (worst of 4)', Math.max(...replans), F);
const again = timeMs(() => packFrames(cold, settings), { warmup: 1, runs: 5 });
line('re-planned for a lead seen before (median)', again.median, F);

const step = timeMs(
  () => {
    for (let f = 0; f < F; f++) {
      flowAt(packed, f);
      heatAt(packed, f);
      loadAt(packed, f);
      registrationAt(packed, f);
      figuresAt(packed, f);
      busiestMonth(packed, f);
    }
  },
  { warmup: 2, runs: 11 },
);
line('playback steps on the page (median)', step.median, F);

const worker = derive.median + again.median;
console.log(`\nin the worker: ${(worker / F).toFixed(1)} ms a frame (${fps(worker / F).toFixed(0)} frames/s) ${fps(worker / F) >= GOAL_FPS ? '(faster than' : '(slower than'} the playback's ${GOAL_FPS} a second, so frames are ready before they are shown)`);
console.log(`on the page: ${(step.median / F).toFixed(3)} ms a frame to take its values (${fps(step.median / F).toFixed(0)} frames/s) ${fps(step.median / F) >= GOAL_FPS ? 'within' : 'over'} the goal of ${GOAL_FPS} frames/s`);
