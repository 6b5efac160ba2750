import { execFile } from 'node:child_process';
import { expect } from 'vitest';

/*
 * The CLI runs as its own process, as a user would run it. `node --import
 * tsx` rather than `npx tsx`: npx can print npm's own configuration
 * warnings on stderr, and these tests count stderr lines.
 */

export interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export function sagsflow(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: process.cwd(), encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}

export function expectOneLineFailure(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout.length).toBe(0);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}
