import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { imbalance } from '../../src/domain/balance/loads.ts';
import { checkSlack, propose, type BalanceProblem, type Proposal } from '../../src/domain/balance/solve.ts';
import { loadSolver } from '../../src/cli/solver.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadSolver();
});

const problem = (cases: [string, string, number, boolean?][], caseworkers: [string, number, boolean?][], slack = 0): BalanceProblem => ({
  unit: 'U',
  slack,
  cases: cases.map(([caseId, holder, weight, pinned]) => ({ caseId, holder, weight, measureTypes: [], pinned: pinned ?? false })),
  caseworkers: caseworkers.map(([id, fte, excluded]) => ({ id, fte, excluded: excluded ?? false })),
});

/** Time enough to prove even on a busy machine: these tests are about what it finds, not how fast. */
const solve = (p: BalanceProblem, solver = highs) => propose(solver, p, { timeLimit: 60 });

/** Who holds each case after the proposal's moves. */
function after(p: BalanceProblem, proposal: Proposal): Map<string, string> {
  const holder = new Map(p.cases.map((c) => [c.caseId, c.holder]));
  for (const m of proposal.moves) {
    expect(holder.get(m.caseId)).toBe(m.from);
    holder.set(m.caseId, m.to);
  }
  return holder;
}

/**
 * Every assignment of a small unit's cases to its open caseworkers (pins
 * kept): the least imbalance, and the fewest moves within slack of it.
 */
function bruteForce(p: BalanceProblem): { optimum: number; moves: number } | null {
  const open = p.caseworkers.filter((w) => !w.excluded);
  if (open.length === 0 && p.cases.length > 0) return null;
  const fixed = p.cases.map((c) => (c.pinned && open.some((w) => w.id === c.holder) ? c.holder : null));
  const assignments: string[][] = [];
  const walk = (i: number, chosen: string[]) => {
    if (i === p.cases.length) return void assignments.push(chosen.slice());
    for (const w of fixed[i] !== null ? [fixed[i]!] : open.map((w) => w.id)) {
      chosen.push(w);
      walk(i + 1, chosen);
      chosen.pop();
    }
  };
  walk(0, []);
  const spread = (a: string[]) => imbalance(open.map((w) => p.cases.reduce((s, c, i) => (a[i] === w.id ? s + c.weight : s), 0)), open.map((w) => w.fte));
  const moves = (a: string[]) => p.cases.filter((c, i) => a[i] !== c.holder).length;
  const optimum = Math.min(...assignments.map(spread));
  const within = assignments.filter((a) => spread(a) <= optimum * (1 + p.slack) + 1e-9);
  return { optimum, moves: Math.min(...within.map(moves)) };
}

describe('the proposal (SPEC §10)', () => {
  it('moves the fewest cases to reach the least imbalance', () => {
    const p = problem([['C1', 'A', 3], ['C2', 'A', 2], ['C3', 'A', 2], ['C4', 'A', 1], ['C5', 'B', 1]], [['A', 1], ['B', 1]]);
    const proposal = solve(p);
    expect(proposal).toMatchObject({ unit: 'U', before: 8, after: 5, optimum: 5, lowerBound: 4.5, proven: true });
    expect(proposal.moves).toEqual([{ caseId: 'C1', measureTypes: [], from: 'A', to: 'B', weight: 3 }]);
    expect(proposal.caseworkers.map((w) => [w.id, w.fte, w.before])).toEqual([['A', 1, 8], ['B', 1, 1]]);
    expect(proposal.caseworkers.map((w) => w.after).sort()).toEqual([4, 5]);
  });

  it('weighs load by FTE: a half-time caseworker carries half', () => {
    const p = problem([['C1', 'A', 1], ['C2', 'A', 1], ['C3', 'A', 1], ['C4', 'A', 1], ['C5', 'A', 1], ['C6', 'A', 1]], [['A', 1], ['B', 0.5]]);
    const proposal = solve(p);
    expect(proposal).toMatchObject({ before: 6, after: 4, optimum: 4, proven: true });
    expect(proposal.moves.map((m) => [m.from, m.to])).toEqual([['A', 'B'], ['A', 'B']]);
  });

  it('never moves a pinned case, and gives an excluded caseworker nothing', () => {
    const p = problem([['C1', 'A', 4, true], ['C2', 'A', 1], ['C3', 'B', 2], ['C4', 'B', 2, true], ['C5', 'C', 1]], [['A', 1], ['B', 1], ['C', 1, true]]);
    const proposal = solve(p);
    const holders = after(p, proposal);
    expect(holders.get('C1')).toBe('A');
    expect(holders.get('C5')).not.toBe('C');
    expect(proposal.caseworkers.find((w) => w.id === 'C')).toMatchObject({ excluded: true, before: 1, after: 0 });
    expect(proposal).toMatchObject({ optimum: 5, after: 5, proven: true });
  });

  it('gives every case held by nobody, each one a move', () => {
    const p = problem([['C1', '', 1], ['C2', '', 1], ['C3', 'A', 1]], [['A', 1], ['B', 1]]);
    const proposal = solve(p);
    expect(proposal.moves.filter((m) => m.from === '')).toHaveLength(2);
    expect(proposal).toMatchObject({ before: 1, after: 2, optimum: 2, proven: true });
  });

  it('with slack moves fewer cases for a little more imbalance', () => {
    const cases: [string, string, number][] = [['C1', 'A', 4], ['C2', 'A', 4], ['C3', 'B', 1], ['C4', 'B', 1]];
    const tight = solve(problem(cases, [['A', 1], ['B', 1]]));
    const loose = solve(problem(cases, [['A', 1], ['B', 1]], 0.2));
    expect(tight).toMatchObject({ before: 8, optimum: 5, after: 5 });
    expect(tight.moves).toHaveLength(2);
    expect(loose).toMatchObject({ optimum: 5, after: 6 });
    expect(loose.moves).toHaveLength(1);
  });

  it('has no proposal when nobody can take the cases', () => {
    expect(solve(problem([['C1', '', 1]], []))).toMatchObject({ after: null, optimum: null, lowerBound: null, proven: false, moves: [] });
    expect(solve(problem([['C1', 'A', 1]], [['A', 1, true]]))).toMatchObject({ before: 1, after: null, moves: [] });
    expect(solve(problem([], []))).toMatchObject({ before: 0, after: 0, optimum: 0, proven: true });
  });

  it('says it has not proven what the solver did not finish', () => {
    // The solver as it is, but every run ends at its time limit.
    const limited = {
      ...highs,
      constants: highs.constants,
      infinity: highs.infinity,
      createModel: (data: Parameters<Highs['createModel']>[0]) => {
        const model = highs.createModel(data);
        const run = model.run.bind(model);
        return Object.assign(model, { run: (callbacks?: Parameters<typeof run>[0]) => ({ ...run(callbacks), modelStatus: highs.constants.modelStatus.timeLimit }) });
      },
    } as unknown as Highs;
    const p = problem([['C1', 'A', 3], ['C2', 'A', 2], ['C3', 'A', 2], ['C4', 'A', 2], ['C5', 'B', 1], ['C6', 'C', 1]], [['A', 1], ['B', 0.8], ['C', 1]]);
    const proposal = solve(p, limited);
    expect(proposal.proven).toBe(false);
    expect(proposal.after).toBeLessThan(proposal.before);
  });

  it('weights of many decimals are balanced too, by one program for the imbalance', () => {
    const w = 0.000001;
    const p = problem([['C1', 'A', 3 + w], ['C2', 'A', 2 + w], ['C3', 'A', 2 + w], ['C4', 'A', 1 + w], ['C5', 'B', 1 + w], ['C6', 'C', 2 + w]], [['A', 1], ['B', 0.8], ['C', 1.5]]);
    const proposal = solve(p);
    const best = bruteForce(p)!;
    expect(proposal.proven).toBe(true);
    expect(proposal.optimum).toBeCloseTo(best.optimum, 8);
    expect(proposal.moves).toHaveLength(best.moves);
  });

  it('checks the slack', () => {
    expect(checkSlack(0.05)).toBe(0.05);
    expect(() => checkSlack(-0.1)).toThrow(/invalid slack/);
    expect(() => checkSlack(2)).toThrow(/invalid slack/);
  });

  /** True about one time in five. */
  const sometimes = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);

  it('on small random units no assignment has a lower imbalance, and none at the optimum moves fewer cases', () => {
    const unit = fc
      .record({
        caseworkers: fc.array(fc.record({ fte: fc.constantFrom(0.5, 0.8, 1, 1.5, 2), excluded: sometimes }), { minLength: 1, maxLength: 3 }),
        weights: fc.array(fc.record({ follow: fc.integer({ min: 0, max: 4 }), holder: fc.integer({ min: -1, max: 2 }), pinned: sometimes }), { maxLength: 7 }),
        caseWeight: fc.constantFrom(0, 1, 0.5, 2, 1 / 3),
        slack: fc.constantFrom(0, 0, 0.1, 0.25),
      })
      .map(({ caseworkers, weights, caseWeight, slack }): BalanceProblem => ({
        unit: 'U',
        slack,
        caseworkers: caseworkers.map((w, i) => ({ id: `W${i}`, fte: w.fte, excluded: w.excluded })),
        cases: weights.map((c, i) => ({
          caseId: `C${i}`,
          holder: c.holder < 0 || c.holder >= caseworkers.length ? '' : `W${c.holder}`,
          weight: caseWeight + c.follow,
          measureTypes: [],
          pinned: c.pinned,
        })),
      }));
    fc.assert(
      fc.property(unit, (p) => {
        const proposal = solve(p);
        const best = bruteForce(p);
        if (best === null) return void expect(proposal.after).toBeNull();
        expect(proposal.proven).toBe(true);
        expect(proposal.optimum).toBeCloseTo(best.optimum, 8);
        expect(proposal.after!).toBeLessThanOrEqual(best.optimum * (1 + p.slack) + 1e-8);
        expect(proposal.moves).toHaveLength(best.moves);
        // The moves give the loads it reports, keep pins, and leave excluded caseworkers nothing.
        const holders = after(p, proposal);
        for (const c of p.cases) if (c.pinned && p.caseworkers.some((w) => w.id === c.holder && !w.excluded)) expect(holders.get(c.caseId)).toBe(c.holder);
        for (const w of proposal.caseworkers) {
          const load = p.cases.reduce((s, c) => (holders.get(c.caseId) === w.id ? s + c.weight : s), 0);
          expect(w.after).toBeCloseTo(load, 8);
          if (w.excluded) expect(w.after).toBe(0);
        }
        expect(proposal.optimum!).toBeGreaterThanOrEqual(proposal.lowerBound! - 1e-8);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
