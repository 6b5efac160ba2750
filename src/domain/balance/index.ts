export { type CaseHolder, type WeighedCase, type WeightOptions, DEFAULT_CASE_WEIGHT, DEFAULT_WEEKS_AHEAD, MAX_CASE_WEIGHT, caseHolders, checkCaseWeight, checkWeeksAhead, weighCases } from './cases.ts';
export { type FteEntry, type FteFile, type FteProblem, DEFAULT_FTE, MAX_FTE, fteLookup, fteProblemText, isFte, readDecimal, readFteFile } from './fte.ts';
export { type CaseloadRow, type CaseworkerLoad, type UnitLoads, caseloadRows, imbalance, isOverloaded, lowerBound, tidy, unitLoads, unitToBalance } from './loads.ts';
export {
  type BalanceProblem, type Move, type Proposal, type ProposalCaseworker, type ProblemCase, type ProblemCaseworker, type SolveOptions, type SolveProgress, type SolveStage,
  DEFAULT_SLACK, DEFAULT_TIME_LIMIT, MAX_SLACK, balanceProblem, checkSlack, propose, stepOf,
} from './solve.ts';
