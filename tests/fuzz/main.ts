import { parseArgs } from 'node:util';
import { CHECKS, checkExport, fuzz, type Check } from './fuzz.ts';

/*
 * `npm run fuzz`: hostile exports through the domain (fuzz.ts), every check
 * on. Prints the run's figures and each failure with the seed that makes
 * its export again; exits 1 when any check failed.
 *
 *   npm run fuzz                             10,000 exports, seed 16
 *   npm run fuzz -- --exports 50000 --seed 7
 *   npm run fuzz -- --skip cpr-in-id,formula leave out checks by name
 *   npm run fuzz -- --export-seed 123456789  one export again, its failures in full
 */

const { values } = parseArgs({
  options: {
    exports: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '16' },
    skip: { type: 'string', default: '' },
    'export-seed': { type: 'string' },
  },
});

const skip: ReadonlySet<Check> = new Set(values.skip.split(',').filter((c): c is Check => (CHECKS as readonly string[]).includes(c)));
const n = (s: string) => new Intl.NumberFormat('en-GB').format(Math.round(Number(s)));

if (values['export-seed'] !== undefined) {
  const { failures } = checkExport(Number(values['export-seed']) >>> 0, skip);
  for (const f of failures) console.log(`${f.check}: ${f.message}`);
  console.log(failures.length === 0 ? 'no failure' : `${failures.length} failures`);
  process.exit(failures.length === 0 ? 0 : 1);
}

const exports = Number(values.exports);
const seed = Number(values.seed);
const figures = fuzz({
  seed,
  exports,
  skip,
  onExport: (done) => done % 1000 === 0 && process.stderr.write(`  ${n(String(done))} exports\r`),
});
const seconds = figures.ms / 1000;
console.log(`fuzz: seed ${seed}, ${n(String(figures.exports))} exports in ${seconds.toFixed(1)} s (${n(String(figures.exports / seconds))} a second)`);
console.log(`  rows read ${n(String(figures.rows))}: accepted ${n(String(figures.accepted))}, rejected ${n(String(figures.rejected))}; files refused whole ${n(String(figures.refused))}`);
if (skip.size > 0) console.log(`  left out: ${[...skip].join(', ')}`);
for (const check of CHECKS.filter((c) => !skip.has(c))) {
  const failed = figures.failures.filter((f) => f.check === check);
  const exportsFailed = new Set(failed.map((f) => f.seed)).size;
  console.log(`  ${check.padEnd(26)} ${failed.length === 0 ? 'ok' : `FAILED in ${n(String(exportsFailed))} exports, e.g. --export-seed ${failed[0]!.seed}: ${failed[0]!.message}`}`);
}
process.exit(figures.failures.length === 0 ? 0 : 1);
