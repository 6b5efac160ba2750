import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_KEYS, specValue } from '../oracle/compare.ts';
import { oracle, type OracleAnalysis } from '../oracle/spec.ts';

/*
 * `analyze FILE --json` as a user runs it, on a Danish Excel export made by
 * `generate --danish`, against the independent oracle of SPEC v2
 * (tests/oracle/spec.ts) with the same options.
 */

function sagsflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: process.cwd(), maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const OPTIONS = {
  asOf: '2026-10-30', // a Friday
  rules: { first: 2, interval: 4, countTechnical: true },
  leadWeeks: 12,
  catchUpWeeks: 2,
  horizonMonths: 6,
};
const FLAGS = ['--as-of', '2026-10-30', '--count-technical', '--first-months', '2', '--interval-months', '4', '--lead-weeks', '12', '--catch-up-weeks', '2', '--horizon-months', '6'];

let dir = '';
let printed: { code: number; stdout: string; stderr: string };
let expected: OracleAnalysis;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-oracle-'));
  const file = join(dir, 'danish.csv');
  const generated = await sagsflow('generate', '--seed', '23', '--measures', '1500', '--danish', '--out', file);
  expect(generated.code, generated.stderr).toBe(0);
  printed = await sagsflow('analyze', file, ...FLAGS, '--json');
  expected = oracle(readFileSync(file), OPTIONS);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sagsflow analyze --json on a Danish Excel export, with every analysis flag', () => {
  it('exits 0 with nothing on stderr', () => {
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toBe('');
  });

  it.each(SPEC_KEYS)('prints the spec’s %s', (key) => {
    expect(printed.code, `the command failed: ${printed.stderr}`).toBe(0);
    const analysis = JSON.parse(printed.stdout) as object;
    expect(specValue(analysis, key, expected)).toEqual(expected[key]);
  });
});
