// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { BalanceProblem, Proposal } from '../../src/domain/balance/index.ts';
import { FTE_STORAGE_KEY, FteState } from '../../src/app/pages/balance/fte.svelte.ts';
import { csvNumber } from '../../src/app/pages/balance/number.ts';
import { formulaSafeCsv } from '../../src/domain/export/csv.ts';
import { balance as P } from '../../src/app/pages/balance/params.ts';
import { unitOf as balanceUnitOf } from '../../src/app/state/params.ts';

const aheadOf = (s: string | null) => P.ahead.read(s);
const caseWeightOf = (s: string | null) => P.caseWeight.read(s);
const slackOf = (s: string | null) => P.slack.read(s);
const overloadOf = (s: string | null) => P.over.read(s);
import { ProposalRun } from '../../src/app/pages/balance/proposal.svelte.ts';
import type { WorkerJob } from '../../src/workers/job.ts';
import type { startSolving } from '../../src/workers/solver.ts';

/** A store like localStorage, in memory. */
function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('the caseload view’s address', () => {
  it('reads weeks ahead 0–26, a case weight with a decimal comma, slack and threshold in whole percent', () => {
    expect([aheadOf(null), aheadOf('8'), aheadOf('40'), aheadOf('x'), aheadOf('-3')]).toEqual([13, 8, 26, 13, 0]);
    expect([caseWeightOf(null), caseWeightOf('0,5'), caseWeightOf('0.25'), caseWeightOf('500'), caseWeightOf('tung')]).toEqual([1, 0.5, 0.25, 100, 1]);
    expect([slackOf(null), slackOf('5'), slackOf('250'), slackOf('2,6')]).toEqual([0, 5, 100, 3]);
    expect([overloadOf(null), overloadOf('35'), overloadOf('900')]).toEqual([20, 35, 200]);
    expect([balanceUnitOf('Valby', ['Amager', 'Valby']), balanceUnitOf('Nowhere', ['Valby']), balanceUnitOf(null, ['Valby'])]).toEqual(['Valby', null, null]);
  });

  it('writes its CSV figures to two decimals, with a comma for Danish Excel', () => {
    const row = [0.75, 33.3333, 4, -0.5].map(csvNumber);
    expect(formulaSafeCsv(['a', 'b', 'c', 'd'], [row], { delimiter: ';', bom: false })).toBe('a;b;c;d\r\n0,75;33,33;4;-0,5');
    expect(formulaSafeCsv(['a', 'b', 'c', 'd'], [row], { bom: false })).toBe('a,b,c,d\r\n0.75,33.33,4,-0.5');
  });
});

describe('FTE in the page', () => {
  const file = (text: string) => new TextEncoder().encode(text);

  it('are kept in the browser only once “remember” is ticked, and then only caseworkers, units and FTE', () => {
    const store = memoryStore();
    const fte = new FteState(store);
    fte.set('AB', 'Valby', 0.5);
    expect(store.data.size).toBe(0);
    fte.remember = true;
    expect(JSON.parse(store.getItem(FTE_STORAGE_KEY)!)).toEqual([{ caseworker: 'AB', unit: 'Valby', fte: 0.5 }]);
    fte.set('CD', 'Valby', 0.8);
    expect(JSON.parse(store.getItem(FTE_STORAGE_KEY)!)).toHaveLength(2);
    // Remembered FTE come back in a new page.
    expect(new FteState(store).entries).toEqual(fte.entries);
    expect(new FteState(store).remember).toBe(true);
    fte.forget();
    expect(store.data.size).toBe(0);
    expect(fte.remember).toBe(false);
    expect(fte.entries).toHaveLength(2);
  });

  it('a file’s rows replace those of the same caseworker and unit; a file with a bad line changes nothing', () => {
    const fte = new FteState(memoryStore());
    fte.set('AB', 'Valby', 0.5);
    expect(fte.load('fte.csv', file('caseworker;fte;unit\nAB;0,8;Valby\nCD;1,5;\n'))).toBe(true);
    expect(fte.entries).toEqual([
      { caseworker: 'AB', unit: 'Valby', fte: 0.8 },
      { caseworker: 'CD', unit: null, fte: 1.5 },
    ]);
    expect(fte.load('bad.csv', file('caseworker;fte\nEF;3\n'))).toBe(false);
    expect(fte.problems).toEqual([{ code: 'out-of-range', line: 2, value: '3' }]);
    expect(fte.entries).toHaveLength(2);
    fte.set('AB', 'Valby', null);
    expect(fte.entries).toEqual([{ caseworker: 'CD', unit: null, fte: 1.5 }]);
  });

  it('ignores what the store holds when this page did not write it', () => {
    const junk = memoryStore({ [FTE_STORAGE_KEY]: JSON.stringify([{ caseworker: 'AB', unit: 'Valby', fte: 7 }, { case_id: 'C1' }, { caseworker: 'CD', unit: null, fte: 1 }]) });
    expect(new FteState(junk).entries).toEqual([{ caseworker: 'CD', unit: null, fte: 1 }]);
    expect(new FteState(memoryStore({ [FTE_STORAGE_KEY]: 'not json' })).remember).toBe(false);
  });
});

describe('a proposal being worked out', () => {
  const problem = (unit: string): BalanceProblem => ({ unit, slack: 0, cases: [], caseworkers: [] });
  const proposal = (unit: string): Proposal => ({ unit, before: 1, after: 1, optimum: 1, lowerBound: 1, proven: true, caseworkers: [], moves: [], seconds: 0 });

  /** A solver that answers only when told to, and can be cancelled. */
  function fakeSolver() {
    const jobs: { problems: BalanceProblem[]; finish: () => void; cancelled: boolean }[] = [];
    const start = ((problems: BalanceProblem[]): WorkerJob<Proposal[]> => {
      let resolve!: (p: Proposal[]) => void;
      let reject!: (e: unknown) => void;
      const result = new Promise<Proposal[]>((res, rej) => ((resolve = res), (reject = rej)));
      const job = { problems, cancelled: false, finish: () => resolve(problems.map((p) => proposal(p.unit))) };
      jobs.push(job);
      return { result, cancel: () => ((job.cancelled = true), reject(new DOMException('cancelled', 'AbortError'))) };
    }) as typeof startSolving;
    return { jobs, start };
  }

  it('a new problem cancels the run before it, whose answer is never shown', async () => {
    const solver = fakeSolver();
    const run = new ProposalRun(solver.start);
    run.run(problem('Amager'));
    run.run(problem('Valby'));
    expect(solver.jobs[0]!.cancelled).toBe(true);
    expect(run.status).toBe('running');
    solver.jobs[1]!.finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(run.status).toBe('done');
    expect(run.proposal?.unit).toBe('Valby');
  });

  it('cancel stops the run and says so; it can run again', async () => {
    const solver = fakeSolver();
    const run = new ProposalRun(solver.start);
    run.run(problem('Valby'));
    run.cancel();
    await Promise.resolve();
    await Promise.resolve();
    expect(solver.jobs[0]!.cancelled).toBe(true);
    expect(run.status).toBe('cancelled');
    run.run(run.problem!);
    expect(run.status).toBe('running');
  });
});
