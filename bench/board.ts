/**
 * Does the board of a big unit follow a move of the lead within one frame?
 *
 * Generates an export with one unit big enough to put about 1,000
 * follow-ups on its board (the backlog and the first 8 weeks), derives and
 * prepares it once, then times what a change of the lead costs the board:
 * the unit's re-plan (`simulate`) and its finished grid (`unitBoard`), for
 * every lead 0…12 and every policy, with a capacity per caseworker and
 * FTEs set. Prints the medians and the slowest run against 16 ms. The
 * check of past weeks does not depend on the lead and is timed apart.
 *
 * `npm run bench:board` or `npm run bench:board -- 2000` (follow-ups wanted).
 */
import { cpus, totalmem } from 'node:os';
import { deriveExport } from '../src/domain/analyze.ts';
import { checkWeeks, unitBoard } from '../src/domain/board/index.ts';
import { generateRows, exportText } from '../src/domain/generate/index.ts';
import { DEFAULT_CATCH_UP, MAX_LEAD, POLICY_NAMES, prepareLevelling, simulate } from '../src/domain/levelling/index.ts';
import { timeIdleMs } from './timing.ts';

const GOAL_MS = 16;
const wanted = Number(process.argv[2] ?? 1000) || 1000;
/** Measures per follow-up on a board of 8 weeks, as the generator makes them (about 5.6). */
const MEASURES_PER_CARD = 5.6;
const UNIT = 'Amager';

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);

const caseworkers = Math.max(4, Math.round(wanted / 20));
const units = [{ name: UNIT, weight: 1, caseworkers, onTime: 0.78, late: 0.16, technical: 0, nextDue: 0.3 }];
let t0 = performance.now();
const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 20261031, measures: Math.round(wanted * MEASURES_PER_CARD), units }), 'canonical'));
const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);
console.log(`${obligations.length} obligations in ${UNIT} (${caseworkers} caseworkers), derived and prepared in ${(performance.now() - t0).toFixed(0)} ms`);

const fte = Object.fromEntries(prepared.units[0]!.workers.filter((_, i) => i % 3 === 0).map((w) => [w, 0.8]));
const options = { weeks: 8, capacity: 6, fte };
const board = (lead: number, policy: (typeof POLICY_NAMES)[number]) => {
  const sim = simulate(prepared, { lead, policy, catchUp: DEFAULT_CATCH_UP, capacity: null, unit: UNIT });
  return unitBoard(sim.units[0]!, sim.weeks, analysis.asOf, options);
};
const cards = board(4, 'level').totals.cards;
console.log(`the board: ${cards} follow-ups (backlog and 8 weeks), ${board(4, 'level').rows.length} swimlanes\n`);

const runs = { warmup: 2, runs: 11 };
console.log('policy  ' + 'board ms (median) by lead 0…12'.padEnd(60) + 'worst');
let worst = 0;
let slowest = 0;
for (const policy of POLICY_NAMES) {
  const medians: number[] = [];
  for (let lead = 0; lead <= MAX_LEAD; lead++) {
    const t = await timeIdleMs(() => board(lead, policy), runs);
    medians.push(t.median);
    slowest = Math.max(slowest, t.max);
  }
  worst = Math.max(worst, ...medians);
  console.log(`${policy.padEnd(8)}${medians.map((ms) => ms.toFixed(2)).join(' ').padEnd(60)}${Math.max(...medians).toFixed(2).padStart(5)}`);
}
console.log(`\nworst median re-plan of the board: ${worst.toFixed(2)} ms ${worst <= GOAL_MS ? '(within' : '(over'} one frame of ${GOAL_MS} ms)`);
console.log(`slowest single re-plan of the board: ${slowest.toFixed(2)} ms`);
const check = await timeIdleMs(() => checkWeeks(obligations, UNIT, prepared.range, 4), runs);
console.log(`the check of the last 4 weeks (on a change of unit, types or weeks, not of the lead): ${check.median.toFixed(2)} ms`);
console.log('(the view draws at most 6 cards a cell until one is opened, so a lead change redraws what the grid shows, not every card)');
