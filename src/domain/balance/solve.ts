import type { Highs, Model, ModelData } from 'highs';
import { byText, danishOrder } from '../collate.ts';
import { imbalance, lowerBound, tidy, type UnitLoads } from './loads.ts';
import { DEFAULT_SLACK, MAX_SLACK } from './limits.ts';

/*
 * SPEC §10's proposal, solved with HiGHS, a mixed-integer solver (passed
 * in: the worker and the command line load it each their own way, and the
 * domain imports only its types).
 *
 * Cases of one holder with the same weight are interchangeable: which of
 * them moves changes neither a load nor the number of moves. So the
 * programs count cases per group (holder, weight) instead of deciding each
 * case: y[g][i] cases of group g go to caseworker i. A unit of 600 cases
 * and 15 caseworkers has some 75 groups, 1,100 integers instead of 9,000
 * binaries, and none of the symmetry between equal cases.
 *
 * The optimum. Weights are a case weight plus whole follow-ups, so every
 * load is a multiple of one step d (1 with the default weight), and the
 * imbalance of any assignment is some caseworker's load over their FTE,
 * m·d / f_i. Those values between the lower bound and the imbalance of a
 * greedy assignment are the candidates; the optimum is the smallest one
 * for which the cases fit under the ceilings floor(f_i·z / d)·d. A binary
 * search asks the solver whether they fit: rounding the ceilings down to
 * whole steps is what lets it prove quickly that they do not. (Without a
 * step, with weights of more than six decimals, one program minimises the
 * imbalance z directly.)
 *
 * The fewest moves: minimise Σ_g n_g − y[g][holder(g)] with the cases
 * under the ceilings of optimum × (1 + slack).
 *
 * Pinned cases never move: their weight is a fixed load on their holder.
 * Excluded caseworkers take nothing: their cases, and those held by nobody,
 * are groups with no holder, every one of them a move.
 */

export { DEFAULT_SLACK, MAX_SLACK } from './limits.ts';
/** Seconds the solver may take for one unit, both programs together. */
export const DEFAULT_TIME_LIMIT = 4;

export interface ProblemCase {
  caseId: string;
  /** `''`: held by nobody. */
  holder: string;
  weight: number;
  measureTypes: readonly string[];
  /** Never moved (ignored for a case held by nobody or by an excluded caseworker: it must move). */
  pinned?: boolean;
}

export interface ProblemCaseworker {
  id: string;
  fte: number;
  /** Leaving: takes no case, and their cases move. */
  excluded?: boolean;
}

/** One unit to balance: what the solver worker is sent. */
export interface BalanceProblem {
  unit: string;
  cases: readonly ProblemCase[];
  caseworkers: readonly ProblemCaseworker[];
  /** Imbalance allowed above the optimum, as a share (0.05: 5 %), to move fewer cases. */
  slack: number;
}

export interface Move {
  caseId: string;
  measureTypes: readonly string[];
  /** `''` for a case held by nobody. */
  from: string;
  to: string;
  weight: number;
}

export interface ProposalCaseworker {
  id: string;
  fte: number;
  excluded: boolean;
  /** Loads: today's and the proposal's. */
  before: number;
  after: number;
}

export interface Proposal {
  unit: string;
  /** Today's imbalance (the largest load per FTE), every caseworker counted. */
  before: number;
  /** Null when there is nobody to give the cases to (every caseworker excluded, or none at all). */
  after: number | null;
  optimum: number | null;
  lowerBound: number | null;
  /** Both the optimum and the fewest moves proven within the time limit. */
  proven: boolean;
  caseworkers: ProposalCaseworker[];
  moves: Move[];
  /** Seconds the solver took. */
  seconds: number;
}

export type SolveStage = 'optimum' | 'moves';
export interface SolveProgress {
  stage: SolveStage;
  /** Seconds into this stage. */
  seconds: number;
  /** The solver's relative gap between the best found and its bound; null before it has both. */
  gap: number | null;
}

export interface SolveOptions {
  /** Seconds for the unit, both programs (default 4). */
  timeLimit?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** A clock in milliseconds (tests pass a fake). */
  now?: () => number;
}

/** @example checkSlack(2) // throws: invalid slack */
export function checkSlack(slack: number): number {
  if (!Number.isFinite(slack) || slack < 0 || slack > MAX_SLACK) {
    throw new RangeError(`invalid slack: ${slack} (a share from 0 to ${MAX_SLACK}, e.g. 0.05 for 5 %)`);
  }
  return slack;
}

/**
 * The problem of one unit as it stands, with the chief's pins and
 * exclusions.
 * @example balanceProblem(loads, { slack: 0.05, pinned: new Set(['C7']), excluded: new Set(['AB']) })
 */
export function balanceProblem(
  unit: UnitLoads,
  { slack = DEFAULT_SLACK, pinned = new Set<string>(), excluded = new Set<string>() }: { slack?: number; pinned?: ReadonlySet<string>; excluded?: ReadonlySet<string> } = {},
): BalanceProblem {
  return {
    unit: unit.unit,
    slack: checkSlack(slack),
    cases: unit.cases.map((c) => ({ caseId: c.caseId, holder: c.caseworker, weight: c.weight, measureTypes: c.measureTypes, pinned: pinned.has(c.caseId) })),
    caseworkers: unit.caseworkers.map((w) => ({ id: w.id, fte: w.fte, excluded: excluded.has(w.id) })),
  };
}

/** A group of interchangeable cases: one holder (−1: none that can keep them), one weight. */
interface Group {
  holder: number;
  weight: number;
  cases: number[];
}

interface Prepared {
  /** Caseworkers who can take cases, as indices into the problem's. */
  open: number[];
  fte: number[];
  /** Pinned load per open caseworker. */
  fixed: number[];
  groups: Group[];
}

function prepare(problem: BalanceProblem): Prepared {
  const open = problem.caseworkers.flatMap((w, i) => (w.excluded ? [] : [i]));
  const slot = new Map(open.map((i, k) => [problem.caseworkers[i]!.id, k]));
  const fixed = open.map(() => 0);
  const byKey = new Map<string, Group>();
  const order = problem.cases.map((_, i) => i).sort((a, b) => byText(problem.cases[a]!.caseId, problem.cases[b]!.caseId));
  for (const i of order) {
    const c = problem.cases[i]!;
    const holder = slot.get(c.holder) ?? -1;
    if (holder >= 0 && c.pinned) {
      fixed[holder]! += c.weight;
      continue;
    }
    const key = `${holder}\u0000${c.weight}`;
    const group = byKey.get(key) ?? { holder, weight: c.weight, cases: [] };
    group.cases.push(i);
    byKey.set(key, group);
  }
  return { open, fte: open.map((i) => problem.caseworkers[i]!.fte), fixed, groups: [...byKey.values()] };
}

/** y[g][i] as one vector, group-major: column g × k + i. */
type Counts = number[];

function loadsOf(p: Prepared, y: Counts): number[] {
  const k = p.open.length;
  const loads = p.fixed.slice();
  p.groups.forEach((g, gi) => {
    for (let i = 0; i < k; i++) loads[i]! += g.weight * y[gi * k + i]!;
  });
  return loads;
}

const makespan = (p: Prepared, y: Counts): number => imbalance(loadsOf(p, y), p.fte);

/** Moves of a count vector: every case not left with its holder. */
const movesOf = (p: Prepared, y: Counts): number =>
  p.groups.reduce((s, g, gi) => s + g.cases.length - (g.holder >= 0 ? y[gi * p.open.length + g.holder]! : 0), 0);

/** Today's counts: every case with its holder; those with none that can keep them not yet placed. */
function kept(p: Prepared): Counts {
  const k = p.open.length;
  const y: Counts = new Array(p.groups.length * k).fill(0);
  p.groups.forEach((g, gi) => {
    if (g.holder >= 0) y[gi * k + g.holder] = g.cases.length;
  });
  return y;
}

/**
 * Counts with the cases of every group placed one by one, heaviest first,
 * where the load per FTE stays lowest (longest processing time first):
 * those that must move only (`keep`), or all of them.
 */
function placed(p: Prepared, keep: boolean): Counts {
  const k = p.open.length;
  const y = keep ? kept(p) : new Array<number>(p.groups.length * k).fill(0);
  const loads = loadsOf(p, y);
  const rest = p.groups.flatMap((g, gi) => (keep && g.holder >= 0 ? [] : [gi])).sort((a, b) => p.groups[b]!.weight - p.groups[a]!.weight);
  for (const gi of rest) {
    const w = p.groups[gi]!.weight;
    for (let n = 0; n < p.groups[gi]!.cases.length; n++) {
      let best = 0;
      for (let i = 1; i < k; i++) if ((loads[i]! + w) / p.fte[i]! < (loads[best]! + w) / p.fte[best]!) best = i;
      y[gi * k + best]!++;
      loads[best]! += w;
    }
  }
  return y;
}

/**
 * Today's assignment brought under the ceilings by moving few cases: each
 * caseworker over their ceiling gives up their heaviest cases until under
 * it (the last one just heavy enough), and those, with the cases that must
 * move, go heaviest first to whoever has room, the tightest fit first.
 * Null when they do not all find room. A good start for the fewest moves.
 */
function repaired(p: Prepared, ceilings: readonly number[]): Counts | null {
  const k = p.open.length;
  const y = kept(p);
  const room = ceilings.slice();
  const pool: number[] = []; // group indices, one per case to place
  p.groups.forEach((g, gi) => {
    if (g.holder < 0) for (let n = 0; n < g.cases.length; n++) pool.push(gi);
    else room[g.holder]! -= g.weight * g.cases.length;
  });
  for (let i = 0; i < k; i++) {
    const own = p.groups.map((g, gi) => gi).filter((gi) => p.groups[gi]!.holder === i).sort((a, b) => p.groups[b]!.weight - p.groups[a]!.weight);
    while (room[i]! < -1e-9) {
      const excess = -room[i]!;
      const enough = [...own].reverse().find((gi) => y[gi * k + i]! > 0 && p.groups[gi]!.weight >= excess - 1e-9);
      const gi = enough ?? own.find((gi) => y[gi * k + i]! > 0);
      if (gi === undefined) return null;
      y[gi * k + i]!--;
      room[i]! += p.groups[gi]!.weight;
      pool.push(gi);
    }
  }
  pool.sort((a, b) => p.groups[b]!.weight - p.groups[a]!.weight);
  for (const gi of pool) {
    const w = p.groups[gi]!.weight;
    let best = -1;
    for (let i = 0; i < k; i++) if (room[i]! >= w - 1e-9 && (best < 0 || room[i]! < room[best]!)) best = i;
    if (best < 0) return null;
    y[gi * k + best]!++;
    room[best]! -= w;
  }
  return y;
}

/**
 * The step every load is a whole multiple of: the greatest common divisor
 * of the weights, written with up to six decimals; null when there is none.
 * @example stepOf([1.5, 2.5, 3]) // 0.5
 */
export function stepOf(values: readonly number[]): number | null {
  for (let digits = 0; digits <= 6; digits++) {
    const scale = 10 ** digits;
    if (!values.every((v) => Math.abs(v * scale - Math.round(v * scale)) < 1e-6)) continue;
    const g = values.reduce((g, v) => gcd(g, Math.round(v * scale)), 0);
    return g === 0 ? null : g / scale;
  }
  return null;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * What each open caseworker may take on top of their pinned cases at
 * imbalance z: whole steps when there is a step. (A load that is a whole
 * number of steps is read as one within a ten-millionth of a step.)
 */
function ceilings(p: Prepared, z: number, step: number | null): number[] {
  return p.fte.map((f, i) => (step === null ? f * z * (1 + 1e-9) + 1e-9 : Math.floor((f * z) / step + 1e-7) * step) - p.fixed[i]!);
}

/** More candidates than this (a step of many decimals): the search would cost more than one program for the imbalance. */
const MAX_CANDIDATES = 50_000;

/**
 * The imbalances an assignment can have from `lo` to `hi`: some
 * caseworker's m·step over their FTE, in order; null when there are too many.
 */
function candidates(p: Prepared, step: number, lo: number, hi: number): number[] | null {
  if (p.fte.reduce((n, f) => n + ((hi - lo) * f) / step, 0) > MAX_CANDIDATES) return null;
  const all = [hi];
  for (const f of p.fte) {
    for (let m = Math.ceil((lo * f) / step - 1e-7); (m * step) / f <= hi * (1 + 1e-12); m++) all.push((m * step) / f);
  }
  all.sort((a, b) => a - b);
  return all.filter((z, i) => i === 0 || z - all[i - 1]! > 1e-12 * z);
}

/**
 * A floor for the imbalance that no assignment goes below: all weights
 * over all FTE, the heaviest free case on the largest FTE, and each pinned
 * load on its own caseworker.
 */
function floorOf(p: Prepared): number {
  const free = p.groups.map((g) => g.weight);
  const total = p.groups.reduce((s, g) => s + g.weight * g.cases.length, 0) + p.fixed.reduce((s, f) => s + f, 0);
  const fte = p.fte.reduce((s, f) => s + f, 0);
  return Math.max(total / fte, Math.max(0, ...free) / Math.max(...p.fte), ...p.fixed.map((f, i) => f / p.fte[i]!));
}

/**
 * One program over the counts. `fits`: do the cases fit under the
 * ceilings (no objective); `moves`: the fewest moves under them; `spread`:
 * the least imbalance z, with no ceilings.
 */
type Program = { kind: 'fits'; ceilings: number[] } | { kind: 'moves'; ceilings: number[]; start: Counts } | { kind: 'spread'; start: Counts };

interface Solved {
  /** The best counts found; null when none was. */
  y: Counts | null;
  status: 'optimal' | 'infeasible' | 'limit';
}

function solveProgram(highs: Highs, p: Prepared, program: Program, seconds: number, report: (seconds: number, gap: number | null) => void): Solved {
  const k = p.open.length;
  const G = p.groups.length;
  const spread = program.kind === 'spread';
  if (!spread && !mayFit(p, program.ceilings)) return { y: null, status: 'infeasible' };
  const numCols = G * k + (spread ? 1 : 0);
  const z = G * k;

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const integrality = new Int32Array(numCols).fill(highs.constants.variableType.integer);
  p.groups.forEach((g, gi) => {
    for (let i = 0; i < k; i++) colUpper[gi * k + i] = g.cases.length;
    if (program.kind === 'moves' && g.holder >= 0) colCost[gi * k + g.holder] = -1;
  });
  if (spread) {
    colCost[z] = 1;
    colLower[z] = floorOf(p);
    colUpper[z] = highs.infinity;
    integrality[z] = highs.constants.variableType.continuous;
  }

  // One row per group (all its cases placed), one per caseworker (the ceiling on the load).
  const numRows = G + k;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  p.groups.forEach((g, gi) => {
    rowLower[gi] = rowUpper[gi] = g.cases.length;
    for (let i = 0; i < k; i++) indices.push(gi * k + i), values.push(1);
    starts.push(indices.length);
  });
  for (let i = 0; i < k; i++) {
    p.groups.forEach((g, gi) => {
      if (g.weight !== 0) indices.push(gi * k + i), values.push(g.weight);
    });
    if (spread) indices.push(z), values.push(-p.fte[i]!);
    rowLower[G + i] = -highs.infinity;
    rowUpper[G + i] = spread ? -p.fixed[i]! : program.ceilings[i]!;
    starts.push(indices.length);
  }

  const data: ModelData = {
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    integrality,
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
  };
  const model: Model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.05, seconds), mip_rel_gap: 0 });
    if (program.kind !== 'fits') {
      model.setSolution({ colValue: Float64Array.from(spread ? [...program.start, makespan(p, program.start)] : program.start) });
    }
    let last = -1;
    const { modelStatus } = model.run({
      [highs.constants.callbackType.mipInterrupt](event) {
        const t = event.data.running_time ?? 0;
        if (t - last < 0.1) return;
        last = t;
        const gap = event.data.mip_gap;
        report(t, gap !== undefined && Number.isFinite(gap) ? gap : null);
      },
    });
    const status = modelStatus === highs.constants.modelStatus.optimal ? 'optimal' : modelStatus === highs.constants.modelStatus.infeasible ? 'infeasible' : 'limit';
    if (status === 'infeasible') return { y: null, status };
    const y = wholeCounts(p, model.getSolution().colValue);
    // Rounding the solver's values must keep them under the ceilings; where it would not, the answer is not taken.
    const fits = y !== null && (spread || loadsOf(p, y).every((load, i) => load - p.fixed[i]! <= program.ceilings[i]! + 1e-6));
    return fits ? { y, status } : { y: null, status: 'limit' };
  } finally {
    model.dispose();
  }
}

/** The solver's values as whole counts that place every case of every group; null when they are not. */
function wholeCounts(p: Prepared, values: Float64Array): Counts | null {
  const k = p.open.length;
  if (values.length < p.groups.length * k) return null;
  const y = Array.from(values.subarray(0, p.groups.length * k), Math.round);
  const whole = p.groups.every((g, gi) => {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += y[gi * k + i]!;
    return sum === g.cases.length && y.slice(gi * k, gi * k + k).every((n) => n >= 0);
  });
  return whole ? y : null;
}

/** Whether the cases could fit under the ceilings at all: room for their weight, and for the heaviest. */
function mayFit(p: Prepared, ceilings: readonly number[]): boolean {
  if (ceilings.some((c) => c < -1e-9)) return false;
  const weight = p.groups.reduce((s, g) => s + g.weight * g.cases.length, 0);
  const heaviest = Math.max(0, ...p.groups.map((g) => g.weight));
  return ceilings.reduce((s, c) => s + c, 0) >= weight - 1e-9 && Math.max(...ceilings) >= heaviest - 1e-9;
}

/**
 * The proposal for one unit: the least imbalance, then the fewest moves
 * within `optimum × (1 + slack)`. Blocks while HiGHS works (run it in a
 * worker), about `timeLimit` seconds at most.
 */
export function propose(highs: Highs, problem: BalanceProblem, options: SolveOptions = {}): Proposal {
  const now = options.now ?? (() => Date.now());
  const began = now();
  const limit = options.timeLimit ?? DEFAULT_TIME_LIMIT;
  const elapsed = () => (now() - began) / 1000;
  const p = prepare(problem);
  const k = p.open.length;
  const before = imbalance(
    problem.caseworkers.map((w) => problem.cases.reduce((s, c) => (c.holder === w.id ? s + c.weight : s), 0)),
    problem.caseworkers.map((w) => w.fte),
  );
  const bound = lowerBound(problem.cases.map((c) => c.weight), p.fte);
  if (k === 0) {
    const nothing = problem.cases.length === 0;
    return finish(problem, p, null, { before, after: nothing ? 0 : null, optimum: nothing ? 0 : null, lowerBound: bound, proven: nothing, seconds: 0 });
  }
  const progress = (stage: SolveStage) => (_t: number, gap: number | null) => options.onProgress?.({ stage, seconds: elapsed(), gap });

  // Today's assignment (cases that must move placed greedily), or all placed greedily: whichever spreads the load better.
  const today = placed(p, true);
  const greedy = placed(p, false);
  let best = makespan(p, greedy) < makespan(p, today) ? greedy : today;
  let proven = true;
  // With one caseworker, or every case pinned, there is nothing to choose.
  const choice = p.groups.length > 0 && k > 1;
  const found = stepOf([...p.groups.map((g) => g.weight), ...p.fixed]);
  const zs = choice && found !== null ? candidates(p, found, floorOf(p), makespan(p, best)) : null;
  const step = zs === null ? null : found;

  if (choice && zs === null) {
    const spread = solveProgram(highs, p, { kind: 'spread', start: best }, limit * 0.6, progress('optimum'));
    if (spread.y && makespan(p, spread.y) <= makespan(p, best)) best = spread.y;
    proven = spread.status === 'optimal';
  } else if (choice && zs !== null && step !== null) {
    let [lo, hi] = [0, zs.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      options.onProgress?.({ stage: 'optimum', seconds: elapsed(), gap: null });
      const fits = solveProgram(highs, p, { kind: 'fits', ceilings: ceilings(p, zs[mid]!, step) }, limit * 0.6 - elapsed(), progress('optimum'));
      if (fits.y) {
        best = fits.y;
        const reached = makespan(p, best);
        hi = Math.min(mid, zs.findIndex((z) => z >= reached - 1e-9));
      } else {
        if (fits.status !== 'infeasible') proven = false;
        lo = mid + 1;
      }
    }
  }
  const optimum = makespan(p, best);
  const mustMove = p.groups.reduce((s, g) => s + (g.holder < 0 ? g.cases.length : 0), 0);
  if (choice && movesOf(p, best) > mustMove) {
    options.onProgress?.({ stage: 'moves', seconds: elapsed(), gap: null });
    const under = ceilings(p, optimum * (1 + problem.slack), step);
    const start = repaired(p, under);
    if (start && movesOf(p, start) < movesOf(p, best)) best = start;
    const fewest = solveProgram(highs, p, { kind: 'moves', ceilings: under, start: best }, Math.max(limit * 0.25, limit - elapsed()), progress('moves'));
    if (fewest.y && movesOf(p, fewest.y) <= movesOf(p, best)) best = fewest.y;
    proven &&= fewest.status === 'optimal';
  }
  // Where the optimum was not proven, the fewest moves may have found a lower imbalance: that is the best found then.
  const after = makespan(p, best);
  return finish(problem, p, best, { before, after, optimum: Math.min(optimum, after), lowerBound: bound, proven, seconds: elapsed() });
}

type Figures = Pick<Proposal, 'before' | 'after' | 'optimum' | 'lowerBound' | 'proven' | 'seconds'>;

/** The counts back to cases: in each group, the first cases by id stay, the rest go to the caseworkers in turn. */
function finish(problem: BalanceProblem, p: Prepared, y: Counts | null, figures: Figures): Proposal {
  const k = p.open.length;
  const to = problem.cases.map((c) => c.holder);
  const open = new Set(p.open.map((i) => problem.caseworkers[i]!.id));
  if (y !== null) {
    p.groups.forEach((g, gi) => {
      const queue = g.cases.slice();
      if (g.holder >= 0) queue.splice(0, y[gi * k + g.holder]!);
      for (let i = 0; i < k; i++) {
        if (i === g.holder) continue;
        for (const c of queue.splice(0, y[gi * k + i]!)) to[c] = problem.caseworkers[p.open[i]!]!.id;
      }
    });
  }
  const moves: Move[] = [];
  problem.cases.forEach((c, i) => {
    if (to[i] !== c.holder && open.has(to[i]!)) moves.push({ caseId: c.caseId, measureTypes: c.measureTypes, from: c.holder, to: to[i]!, weight: c.weight });
  });
  moves.sort((a, b) => danishOrder(a.from, b.from) || danishOrder(a.to, b.to) || byText(a.caseId, b.caseId));
  const loadOf = (holders: readonly string[], id: string) => tidy(problem.cases.reduce((s, c, i) => (holders[i] === id ? s + c.weight : s), 0));
  const holders = problem.cases.map((c) => c.holder);
  return {
    unit: problem.unit,
    ...figures,
    caseworkers: problem.caseworkers.map((w) => ({
      id: w.id,
      fte: w.fte,
      excluded: w.excluded === true,
      before: loadOf(holders, w.id),
      after: loadOf(to, w.id),
    })),
    moves,
  };
}
