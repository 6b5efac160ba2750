/**
 * Does a control change of the levelling view re-plan within one frame?
 *
 * Generates an export of 100,000 measures (or the count given), derives it
 * once and prepares the levelling (per-unit jobs and due weeks: the as-of
 * date's work), then times a re-plan for every lead 0…12 and every policy,
 * for all units and for one, with a capacity set. The re-plan is what a
 * control change costs: `simulate` (plans, loads, figures), the heatmap's
 * cross-tab and the cascade costs per unit; the plan's list follows one
 * idle moment later and is timed on its own. Prints the median and slowest
 * medians against the goal of 16 ms. Each run follows a short idle time,
 * as between two moves of a control, so the collector works as in the page.
 *
 * `npm run bench:levelling` or `npm run bench:levelling -- 20000`.
 */
import { cpus, totalmem } from 'node:os';
import { deriveExport } from '../src/domain/analyze.ts';
import { generateRows, exportText } from '../src/domain/generate/index.ts';
import { DEFAULT_CATCH_UP, MAX_LEAD, planList, planTab, rowsOf, policyCosts, POLICY_NAMES, prepareLevelling, simulate } from '../src/domain/levelling/index.ts';
import { DEFAULT_RULES } from '../src/domain/rules.ts';
import { timeIdleMs } from './timing.ts';

const GOAL_MS = 16;
const measures = Number(process.argv[2] ?? 100_000) || 100_000;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);

let t0 = performance.now();
const { analysis, obligations } = deriveExport(exportText(generateRows({ seed: 20261031, measures }), 'canonical'));
console.log(`${measures} measures: ${obligations.length} obligations, derived in ${(performance.now() - t0).toFixed(0)} ms`);
t0 = performance.now();
const prepared = prepareLevelling(obligations, analysis.units, analysis.asOf);
const jobs = prepared.units.reduce((s, u) => s + u.jobs.length, 0);
console.log(`prepared once in ${(performance.now() - t0).toFixed(1)} ms: ${prepared.units.length} units, ${jobs} jobs in 26 weeks\n`);

const capacity = Math.ceil(jobs / prepared.units.length / 26);
const scopes: [string, string | null][] = [['all units', null], [`unit ${analysis.units[0]}`, analysis.units[0] ?? null]];
const runs = { warmup: 2, runs: 11 };

console.log('scope'.padEnd(22) + 'policy  ' + 'plan ms (median) by lead 0…12'.padEnd(60) + 'worst  +cost worst');
const worst: number[] = [];
let slowest = 0;
for (const [name, unit] of scopes) {
  for (const policy of POLICY_NAMES) {
    const plan: number[] = [];
    const full: number[] = [];
    for (let lead = 0; lead <= MAX_LEAD; lead++) {
      const options = { lead, policy, catchUp: DEFAULT_CATCH_UP, capacity, unit };
      plan.push((await timeIdleMs(() => planTab(simulate(prepared, options), prepared), runs)).median);
      const t = await timeIdleMs(() => { planTab(simulate(prepared, options), prepared); policyCosts(prepared, { lead, catchUp: DEFAULT_CATCH_UP, unit, interval: DEFAULT_RULES.interval }); }, runs);
      full.push(t.median);
      slowest = Math.max(slowest, t.max);
    }
    worst.push(Math.max(...full));
    console.log(`${name.padEnd(22)}${policy.padEnd(8)}${plan.map((ms) => ms.toFixed(1)).join(' ').padEnd(60)}${Math.max(...plan).toFixed(1).padStart(5)}  ${Math.max(...full).toFixed(1).padStart(5)}`);
  }
}
const overall = Math.max(...worst);
console.log(`\nworst median re-plan with costs: ${overall.toFixed(1)} ms ${overall <= GOAL_MS ? '(within' : '(over'} one frame of ${GOAL_MS} ms)`);
console.log(`slowest single re-plan with costs: ${slowest.toFixed(1)} ms`);
const fresh = prepareLevelling(obligations, analysis.units, analysis.asOf);
t0 = performance.now();
planTab(simulate(fresh, { lead: MAX_LEAD, policy: 'level', catchUp: DEFAULT_CATCH_UP, capacity, unit: null }), fresh);
policyCosts(fresh, { lead: MAX_LEAD, catchUp: DEFAULT_CATCH_UP, unit: null, interval: DEFAULT_RULES.interval });
console.log(`first re-plan with costs of a lead never seen, all units: ${(performance.now() - t0).toFixed(1)} ms (the view works every lead's costs out in idle time before it is chosen)`);
console.log('(the cascade counts are remembered per unit and days early, so a lead seen before costs less: "+cost" is the warm case)');
const planned = simulate(prepared, { lead: 4, policy: 'level', catchUp: DEFAULT_CATCH_UP, capacity, unit: null });
const listed = planList(planned, analysis.asOf).length;
// What the page does after a control: the list in order, and the forty rows a screen draws.
const list = await timeIdleMs(() => rowsOf(planList(planned, analysis.asOf), 0, Math.min(40, listed)), runs);
console.log(`the plan's list, ${listed} follow-ups in order (drawn one idle moment after a control): ${list.median.toFixed(1)} ms median, ${list.max.toFixed(1)} ms worst`);
