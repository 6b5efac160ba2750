import { cumulativeFlow, flowDates } from './aggregate/cfd.ts';
import { dueByUnitMonth } from './aggregate/due.ts';
import { statusByUnit } from './aggregate/status.ts';
import { technicalFollowUps } from './aggregate/technical.ts';
import { unitsOf } from './aggregate/units.ts';
import { resolveAsOf } from './asof.ts';
import { FIRST_YEAR, LAST_YEAR, parseDate } from './import/dates.ts';
import { problemOf, type ImportProblem } from './import/problems.ts';
import { NotATableError, readExport, type ReadOptions, type ReadResult } from './import/read.ts';
import { importReport, type ImportReport } from './import/report.ts';
import type { SplitTable } from './import/table.ts';
import { checkLead, isJob, jobsOf, levellingSummary } from './levelling/index.ts';
import { perUnit } from './aggregate/group.ts';
import { deriveObligations } from './obligations.ts';
import { checkHorizon, DEFAULT_HORIZON, figureMonths, forecastEnd, planningRange, PLANNING_WEEKS } from './range.ts';
import { rules as makeRules } from './rules.ts';
import { type Refusal, type Rejection, rejectionText, refusalText } from './reasons.ts';
import type { Analysis, AnalyzeOptions, IsoDate, Measure, Obligation, Rules } from './types.ts';
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

/** What the app's views are drawn from: the figures, the obligations behind them, and the validation report. */
export interface Figures {
  analysis: Analysis;
  obligations: Obligation[];
  /** The rejected rows with their values, which the command line's JSON leaves out. */
  report: ImportReport;
}

/** Everything derived from one export: the figures and what they were made of. */
export interface Derived {
  analysis: Analysis;
  read: ReadResult;
  measures: Measure[];
  obligations: Obligation[];
  rules: Rules;
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
  const { analysis, obligations, read, rejections } = deriveExport(input, options);
  return { analysis, obligations, report: importReport(read, rejections) };
}

/** analyzeExport, keeping the records, measures and obligations for views that list them. */
export function deriveExport(input: ExportInput, options: PipelineOptions = {}): Derived {
  const progress = options.onProgress ?? (() => {});
  const r = makeRules(options.rules);
  const horizon = checkHorizon(options.horizonMonths ?? DEFAULT_HORIZON);
  const lead = checkLead(options.leadWeeks ?? 4);
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
  const { measures, accepted, rejections } = validate(read.records, asOf);
  const allRejections = [...read.rejections, ...rejections].sort((a, b) => a.line - b.line);

  progress('derive', 0.65);
  const obligations = deriveObligations(measures, { rules: r, asOf, forecastEnd: forecastEnd(asOf, horizon) });
  const units = unitsOf(measures);
  const months = figureMonths(asOf, horizon);

  progress('level', 0.85);
  const analysis: Analysis = {
    asOf,
    rows: { total: read.total, accepted, rejected: allRejections.length },
    rejections: allRejections.map(({ line, reason }) => ({ line, reason: rejectionText(reason) })),
    units,
    months,
    dueByUnitMonth: dueByUnitMonth(obligations, units, months),
    status: statusByUnit(obligations, units),
    cfd: cumulativeFlow(obligations, units, flowDates(months, asOf)),
    levelling: levellingByUnit(obligations, units, asOf, lead),
    technicalFollowUps: technicalFollowUps(measures, units),
    cprColumns: read.cprColumns,
  };
  progress('level', 1);
  return { analysis, read, measures, obligations, rules: r, rejections: allRejections };
}

/** SPEC §7 per unit, with the overdue backlog beside it. */
export function levellingByUnit(obligations: readonly Obligation[], units: readonly string[], asOf: IsoDate, lead: number, weeks = PLANNING_WEEKS) {
  // The jobs and backlog as prepareLevelling finds them, without what only the view needs (order, caseworkers, chains).
  const { last } = planningRange(asOf, weeks);
  const dueOf = perUnit(units, (): Obligation[] => []);
  const backlog = perUnit(units, () => 0);
  for (const o of obligations) {
    if (isJob(o, last)) dueOf[o.unit]!.push(o);
    else if (o.status === 'overdue') backlog[o.unit]!++;
  }
  const out: Analysis['levelling'] = Object.create(null);
  for (const unit of units) out[unit] = levellingSummary(jobsOf(dueOf[unit]!, asOf, lead), weeks, backlog[unit]!);
  return out;
}
