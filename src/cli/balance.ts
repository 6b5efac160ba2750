import { parseArgs } from 'node:util';
import { deriveExport, UnreadableExportError } from '../domain/analyze.ts';
import {
  balanceProblem, caseHolders, checkCaseWeight, checkSlack, checkWeeksAhead, fteProblemText, propose, readFteFile, unitLoads, weighCases,
  type FteEntry, type Proposal,
} from '../domain/balance/index.ts';
import { UsageError } from './errors.ts';
import { readFileBytes } from './read.ts';
import { loadSolver } from './solver.ts';
import { coreCheck } from './errors.ts';
import { decimalFlag, fractionFlag, integerFlag, isoDateFlag } from './values.ts';

export const BALANCE_USAGE = 'sagsflow balance FILE [--as-of YYYY-MM-DD] [--weeks H] [--case-weight A] [--fte FTE.csv] [--slack S] [--json]';

/** One unit in the JSON of SPEC §10. */
export interface UnitJson {
  before: number;
  after: number | null;
  optimum: number | null;
  lowerBound: number | null;
  proven: boolean;
  caseworkers: Record<string, { fte: number; before: number; after: number }>;
  moves: { case_id: string; from: string; to: string; weight: number }[];
}

/**
 * `balance FILE …`: per unit, the proposal of SPEC §10 as one JSON object
 * with --json, else a short summary with the moves. Returns the text for stdout.
 * @example await runBalance(['export.csv', '--fte', 'fte.csv', '--json'])
 */
export async function runBalance(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      weeks: { type: 'string' },
      'case-weight': { type: 'string' },
      fte: { type: 'string' },
      slack: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(`usage: ${BALANCE_USAGE}`);
  const asOf = isoDateFlag('as-of', values['as-of']);
  const weeks = integerFlag('weeks', values.weeks, 0);
  const caseWeight = decimalFlag('case-weight', values['case-weight']);
  const slack = fractionFlag('slack', values.slack);
  if (weeks !== undefined) coreCheck('--weeks', () => checkWeeksAhead(weeks));
  if (caseWeight !== undefined) coreCheck('--case-weight', () => checkCaseWeight(caseWeight));
  if (slack !== undefined) coreCheck('--slack', () => checkSlack(slack));
  const entries = values.fte === undefined ? [] : fteEntries(values.fte);

  let derived;
  try {
    derived = deriveExport(readFileBytes(file), asOf === undefined ? {} : { asOf });
  } catch (error) {
    if (error instanceof UnreadableExportError) throw new UsageError(`cannot balance ${file}: ${error.message}`);
    throw error;
  }
  const { measures, obligations, analysis } = derived;
  const cases = weighCases(caseHolders(measures), obligations, analysis.asOf, {
    ...(weeks !== undefined && { weeks }),
    ...(caseWeight !== undefined && { caseWeight }),
  });
  const units = unitLoads(cases, entries, analysis.units).filter((u) => u.cases.length > 0 || u.caseworkers.length > 0);
  const highs = await loadSolver();
  const proposals = units.map((u) => propose(highs, balanceProblem(u, slack === undefined ? {} : { slack })));
  return values.json ? JSON.stringify(Object.fromEntries(proposals.map((p) => [p.unit, unitJson(p)]))) + '\n' : summary(file, analysis.asOf, proposals);
}

/** The FTE file's entries, or a UsageError naming its first bad line. */
function fteEntries(file: string): FteEntry[] {
  const { entries, problems } = readFteFile(readFileBytes(file));
  const [first] = problems;
  if (first) throw new UsageError(`--fte ${file}: ${fteProblemText(first)}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return entries;
}

function unitJson(p: Proposal): UnitJson {
  return {
    before: p.before,
    after: p.after,
    optimum: p.optimum,
    lowerBound: p.lowerBound,
    proven: p.proven,
    caseworkers: Object.fromEntries(p.caseworkers.map((w) => [w.id, { fte: w.fte, before: w.before, after: w.after }])),
    moves: p.moves.map((m) => ({ case_id: m.caseId, from: m.from, to: m.to, weight: m.weight })),
  };
}

const round = (n: number | null) => (n === null ? '–' : String(Math.round(n * 100) / 100));

function summary(file: string, asOf: string, proposals: readonly Proposal[]): string {
  const out = [`${file} as of ${asOf}`, '', 'imbalance = the largest load per FTE; a load is the cases held plus their follow-ups in the weeks ahead'];
  for (const p of proposals) {
    const proof = p.proven ? 'proven' : 'best found, not proven';
    out.push(
      '',
      `${p.unit}: imbalance ${round(p.before)} -> ${round(p.after)} (optimum ${round(p.optimum)}, ${proof}; lower bound ${round(p.lowerBound)}), ${p.moves.length} case${p.moves.length === 1 ? '' : 's'} to move`,
    );
    for (const m of p.moves) out.push(`  ${m.caseId}  ${m.from || '(nobody)'} -> ${m.to}  weight ${m.weight}`);
  }
  return out.join('\n') + '\n';
}
