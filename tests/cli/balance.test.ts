import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../src/cli/encode.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { caseHolders, weighCases } from '../../src/domain/balance/index.ts';
import { generateRows, exportText, VARIANTS } from '../../src/domain/generate/index.ts';
import type { UnitJson } from '../../src/cli/balance.ts';
import { expectOneLineFailure, sagsflow } from './run.ts';

let dir = '';
let tiny = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-balance-'));
  tiny = join(dir, 'tiny.csv');
  // Four running cases, each with one follow-up due in week 9 after 2025-06-30: AB holds three, CD one.
  const rows = ['C1:AB', 'C2:AB', 'C3:AB', 'C4:CD'].map((c) => {
    const [id, worker] = c.split(':');
    return `${id},M1,Amager,${worker},forebyggende,measure_start,2025-06-01`;
  });
  writeFileSync(tiny, ['case_id,measure_id,unit,caseworker,measure_type,event,date', ...rows].join('\n'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function balance(...args: string[]): Promise<Record<string, UnitJson>> {
  const run = await sagsflow('balance', ...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.toString('utf8')) as Record<string, UnitJson>;
}

describe('sagsflow balance', () => {
  it('prints per unit the loads before and after, the optimum, the bound and the moves (SPEC §10)', async () => {
    expect(await balance(tiny, '--as-of', '2025-06-30', '--weeks', '0')).toEqual({
      Amager: {
        before: 3,
        after: 2,
        optimum: 2,
        lowerBound: 2,
        proven: true,
        caseworkers: { AB: { fte: 1, before: 3, after: 2 }, CD: { fte: 1, before: 1, after: 2 } },
        moves: [{ case_id: 'C3', from: 'AB', to: 'CD', weight: 1 }],
      },
    });
  });

  it('counts the follow-ups due in the weeks ahead and the case weight in the loads', async () => {
    const { Amager } = await balance(tiny, '--as-of', '2025-06-30', '--case-weight', '0.5');
    expect(Amager).toMatchObject({ before: 4.5, after: 3, optimum: 3, lowerBound: 3 });
    expect(Amager!.moves.map((m) => m.weight)).toEqual([1.5]);
  });

  it('reads FTE from a file with a decimal comma, a newcomer named by unit holding nothing yet', async () => {
    const fte = join(dir, 'fte.csv');
    writeFileSync(fte, 'sagsbehandler;årsværk;enhed\r\nCD;0,5;Amager\r\nNY;0,5;Amager\r\n');
    const { Amager } = await balance(tiny, '--as-of', '2025-06-30', '--weeks', '0', '--fte', fte);
    expect(Amager).toMatchObject({ before: 3, after: 2, optimum: 2, lowerBound: 2, proven: true });
    expect(Amager!.caseworkers).toEqual({ AB: { fte: 1, before: 3, after: 2 }, CD: { fte: 0.5, before: 1, after: 1 }, NY: { fte: 0.5, before: 0, after: 1 } });
    expect(Amager!.moves).toEqual([{ case_id: 'C3', from: 'AB', to: 'NY', weight: 1 }]);
  });

  it('with slack keeps what is already close enough to the optimum', async () => {
    const { Amager } = await balance(tiny, '--as-of', '2025-06-30', '--weeks', '0', '--slack', '0.5');
    expect(Amager).toMatchObject({ before: 3, after: 3, optimum: 2, moves: [] });
  });

  it('on a Danish Excel export gives every unit a proposal whose moves make its loads', async () => {
    const file = join(dir, 'excel.csv');
    const bytes = encodeText(exportText(generateRows({ seed: 11, measures: 600 }), 'danish-excel'), VARIANTS['danish-excel'].encoding);
    writeFileSync(file, bytes);
    const units = await balance(file);
    const d = deriveExport(bytes);
    const cases = weighCases(caseHolders(d.measures), d.obligations, d.analysis.asOf);
    expect(Object.keys(units)).toEqual(d.analysis.units.filter((u) => cases.some((c) => c.unit === u)));
    for (const [unit, p] of Object.entries(units)) {
      const holder = new Map(cases.filter((c) => c.unit === unit).map((c) => [c.caseId, c]));
      for (const m of p.moves) {
        expect(holder.get(m.case_id)).toMatchObject({ caseworker: m.from, weight: m.weight });
        holder.set(m.case_id, { ...holder.get(m.case_id)!, caseworker: m.to });
      }
      for (const [id, w] of Object.entries(p.caseworkers)) {
        expect(w.after).toBeCloseTo([...holder.values()].reduce((s, c) => (c.caseworker === id ? s + c.weight : s), 0), 6);
      }
      expect(p.after!).toBeLessThanOrEqual(p.before);
      expect(p.after!).toBeCloseTo(p.optimum!, 9);
      expect(p.optimum!).toBeGreaterThanOrEqual(p.lowerBound! - 1e-9);
    }
  }, 120_000); // eight units, each up to the solver's time limit on a busy machine

  it('prints a summary with the moves without --json', async () => {
    const run = await sagsflow('balance', tiny, '--as-of', '2025-06-30', '--weeks', '0');
    expect(run.code).toBe(0);
    expect(run.stdout.toString('utf8')).toContain('Amager: imbalance 3 -> 2 (optimum 2, proven; lower bound 2), 1 case to move\n  C3  AB -> CD  weight 1\n');
  });

  it('exits 2 with one line on stderr for a bad flag or FTE file', async () => {
    expectOneLineFailure(await sagsflow('balance', tiny, '--weeks', '27'), /^sagsflow: --weeks: invalid weeks ahead: 27 \(a whole number of weeks from 0 to 26/);
    expectOneLineFailure(await sagsflow('balance', tiny, '--slack', '2'), /^sagsflow: invalid --slack: "2"/);
    expectOneLineFailure(await sagsflow('balance', tiny, '--case-weight', 'tung'), /^sagsflow: invalid --case-weight: "tung"/);
    expectOneLineFailure(await sagsflow('balance', tiny, '--case-weight', '200'), /^sagsflow: --case-weight: invalid case weight: 200/);
    expectOneLineFailure(await sagsflow('balance', tiny, '--fte', join(dir, 'none.csv')), /cannot read .*none\.csv: no such file/);
    const bad = join(dir, 'bad-fte.csv');
    writeFileSync(bad, 'caseworker;fte\nAB;1\nCD;3\nEF;x\n');
    expectOneLineFailure(await sagsflow('balance', tiny, '--fte', bad), /^sagsflow: --fte .*bad-fte\.csv: line 3: FTE 3 is not above 0 and at most 2 \(and 1 more\)$/);
    expectOneLineFailure(await sagsflow('balance'), /usage: sagsflow balance FILE/);
  });
});
