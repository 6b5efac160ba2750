import { cumulativeFlow, flowDates } from './aggregate/cfd.ts';
import { registrationByUnit } from './aggregate/registration.ts';
import { registrationFigures, type RegistrationFigures } from './aggregate/registrations.ts';
import { technicalByUnitMonth, technicalFollowUps } from './aggregate/technical.ts';
import { unitsOf } from './aggregate/units.ts';
import { resolveAsOf } from './asof.ts';
import { FIRST_YEAR, LAST_YEAR, parseDate } from './import/dates.ts';
import { problemOf, type ImportProblem } from './import/problems.ts';
import { NotATableError, readExport, type ReadOptions, type ReadResult } from './import/read.ts';
import { importReport, type ImportReport } from './import/report.ts';
import type { SplitTable } from './import/table.ts';
import { checkCatchUp, DEFAULT_CATCH_UP } from './backlog.ts';
import { caseHolders, type CaseHolder } from './balance/cases.ts';
import { checkLead, levellingByUnit, type Prepared } from './levelling/index.ts';
import { deriveChains, type BacklogChains } from './obligations.ts';
import { caughtUpFigures, fixedFigures, type FixedFigures } from './catchUp.ts';
import { checkHorizon, DEFAULT_HORIZON, figureMonths, forecastEnd } from './range.ts';
import { rules as makeRules } from './rules.ts';
import { type Refusal, type Rejection, rejectionText, refusalText } from './reasons.ts';
import type { Analysis, AnalyzeOptions, Measure, Obligation, Rules } from './types.ts';
import { validate } from './validate.ts';

/** Raised when a file cannot be read as an export at all (SPEC §3.1: refused whole); the message is the refusal in English. */
export class UnreadableExportError extends Error {
  override name = 'UnreadableExportError';
  constructor(
    readonly refusal: Refusal,
    /** The question a person can answer to read the file after all (which columns, which date order). */
    readonly problem: ImportProblem | null = null,
  ) {
    super(refusalText(refusal));
  }
}

/** What an analysis reads: a file's bytes or text, or a spreadsheet's sheet already split into fields. */
export type ExportInput = Uint8Array | string | SplitTable;

export type ProgressStage = 'decode' | 'parse' | 'validate' | 'derive' | 'level';
export interface PipelineOptions extends AnalyzeOptions, Pick<ReadOptions, 'columns' | 'dateOrder'> {
  /** Called now and then with a stage and the fraction of the whole work done (0–1). */
  onProgress?: (stage: ProgressStage, fraction: number) => void;
}

/** The settings an analysis was made with, every default filled in. */
export interface Settings {
  rules: Rules;
  leadWeeks: number;
  catchUpWeeks: number;
  horizonMonths: number;
}

/** What the app's views are drawn from: the figures, the obligations behind them, and the validation report. */
export interface Figures {
  analysis: Analysis;
  obligations: Obligation[];
  /** What another catch-up of the backlog needs (`figuresWithCatchUp`). */
  backlog: BacklogChains;
  settings: Settings;
  /** The rejected rows with their values, which the command line's JSON leaves out. */
  report: ImportReport;
  /** Registered against real: the registrations and the follow-ups fallen due counted both ways (the registration view, the audit). */
  registrations: RegistrationFigures;
  /** The cases with a running measure and who holds them (SPEC §10): what balancing needs of the measures, which stay in the worker. */
  cases: CaseHolder[];
  /** The levelling's jobs and backlog per unit for this catch-up (`prepareLevelling`): the slow part of opening the levelling view and the board. */
  prepared: Prepared;
  /** What no catch-up moves, counted once (`figuresWithCatchUp`). */
  fixed: FixedFigures;
}

export { figuresWithCatchUp } from './catchUp.ts';

/** Everything derived from one export: the figures and what they were made of. */
export interface Derived {
  analysis: Analysis;
  read: ReadResult;
  measures: Measure[];
  obligations: Obligation[];
  backlog: BacklogChains;
  settings: Settings;
  prepared: Prepared;
  fixed: FixedFigures;
  /** Every rejection, with the check that made it, in line order. */
  rejections: Rejection[];
}

/**
 * Reads an export (bytes or text) and computes every figure of SPEC §6–§7.
 * Throws UnreadableExportError when the file is refused whole, RangeError
 * for an invalid option.
 *
 * @example analyzeExport(bytes, { asOf: '2025-06-30' }).status['Amager'].overdue
 */
export function analyzeExport(input: ExportInput, options: PipelineOptions = {}): Analysis {
  return deriveExport(input, options).analysis;
}

/** The figures, the obligations behind them and the validation report, for the app (what the worker returns). */
export function figuresOf(input: ExportInput, options: PipelineOptions = {}): Figures {
  const { analysis, obligations, backlog, settings, prepared, fixed, read, rejections, measures } = deriveExport(input, options);
  const registrations = registrationFigures({ measures, obligations, units: analysis.units, months: analysis.months, rules: settings.rules, asOf: analysis.asOf });
  return { analysis, obligations, backlog, settings, report: importReport(read, rejections), registrations, cases: caseHolders(measures), prepared, fixed };
}

/** analyzeExport, keeping the records, measures and obligations for views that list them. */
export function deriveExport(input: ExportInput, options: PipelineOptions = {}): Derived {
  const progress = options.onProgress ?? (() => {});
  const r = makeRules(options.rules);
  const horizon = checkHorizon(options.horizonMonths ?? DEFAULT_HORIZON);
  const lead = checkLead(options.leadWeeks ?? 4);
  const catchUp = checkCatchUp(options.catchUpWeeks ?? DEFAULT_CATCH_UP);
  if (options.asOf !== undefined && parseDate(options.asOf) !== options.asOf) {
    throw new RangeError(`invalid as-of date: ${JSON.stringify(options.asOf)} (use YYYY-MM-DD, years ${FIRST_YEAR}–${LAST_YEAR})`);
  }

  progress('parse', 0);
  let read: ReadResult;
  try {
    read = readExport(input, {
      onProgress: (fraction) => progress('parse', fraction * 0.5),
      ...(options.columns && { columns: options.columns }),
      ...(options.dateOrder && { dateOrder: options.dateOrder }),
    });
  } catch (e) {
    if (e instanceof NotATableError) throw new UnreadableExportError(e.refusal, problemOf(e));
    throw e;
  }
  progress('validate', 0.5);
  const asOf = resolveAsOf(options.asOf, read.latestDate);
  const { measures, accepted, rejections } = validate(read.rows, asOf);
  const allRejections = [...read.rejections, ...rejections].sort((a, b) => a.line - b.line);

  progress('derive', 0.65);
  const { obligations, backlog } = deriveChains(measures, { rules: r, asOf, forecastEnd: forecastEnd(asOf, horizon), catchUp });
  const units = unitsOf(measures);
  const months = figureMonths(asOf, horizon);
  const settings: Settings = { rules: r, leadWeeks: lead, catchUpWeeks: catchUp, horizonMonths: horizon };

  progress('level', 0.85);
  const fixed = fixedFigures(obligations.slice(0, backlog.start), { units, months, asOf });
  const { dueByUnitMonth: due, status, prepared } = caughtUpFigures(fixed, obligations.slice(backlog.start), { units, months });
  const levelling = levellingByUnit(prepared, settings.leadWeeks, settings.catchUpWeeks);
  const analysis: Analysis = {
    asOf,
    rows: { total: read.total, accepted, rejected: allRejections.length },
    rejections: allRejections.map(({ line, reason }) => ({ line, reason: rejectionText(reason) })),
    units,
    months,
    dueByUnitMonth: due,
    status,
    cfd: cumulativeFlow(obligations, units, flowDates(months, asOf)),
    levelling,
    technicalFollowUps: technicalFollowUps(measures, units),
    technicalByUnitMonth: technicalByUnitMonth(measures, units, months),
    registration: registrationByUnit(measures, units, r, asOf),
    cprColumns: read.cprColumns,
  };
  progress('level', 1);
  return { analysis, read, measures, obligations, backlog, settings, prepared, fixed, rejections: allRejections };
}
