import { parseArgs } from 'node:util';
import { analyzeExport, UnreadableExportError, type PipelineOptions } from '../domain/analyze.ts';
import { checkCatchUp } from '../domain/backlog.ts';
import { checkLead } from '../domain/levelling/index.ts';
import { checkHorizon } from '../domain/range.ts';
import { rules } from '../domain/rules.ts';
import { UsageError } from './errors.ts';
import { readFileBytes } from './read.ts';
import { summary } from './summary.ts';
import { integerFlag, isoDateFlag } from './values.ts';

export const ANALYZE_USAGE =
  'sagsflow analyze FILE [--as-of YYYY-MM-DD] [--count-technical] [--first-months N] [--interval-months N] [--lead-weeks N] [--catch-up-weeks N] [--horizon-months N] [--json]';

/**
 * `analyze FILE …`: the Analysis of SPEC §8 as one JSON object with
 * --json, else a short summary. Returns the text for stdout.
 * @example runAnalyze(['export.csv', '--json', '--as-of', '2025-06-30'])
 */
export function runAnalyze(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      'count-technical': { type: 'boolean' },
      'first-months': { type: 'string' },
      'interval-months': { type: 'string' },
      'lead-weeks': { type: 'string' },
      'catch-up-weeks': { type: 'string' },
      'horizon-months': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(`usage: ${ANALYZE_USAGE}`);
  const options = pipelineOptions(values);
  const bytes = readFileBytes(file);
  let analysis;
  try {
    analysis = analyzeExport(bytes, options);
  } catch (error) {
    if (error instanceof UnreadableExportError) throw new UsageError(`cannot analyze ${file}: ${error.message}`);
    throw error;
  }
  return values.json ? JSON.stringify(analysis) + '\n' : summary(file, analysis);
}

interface AnalyzeFlags {
  'as-of'?: string;
  'count-technical'?: boolean;
  'first-months'?: string;
  'interval-months'?: string;
  'lead-weeks'?: string;
  'catch-up-weeks'?: string;
  'horizon-months'?: string;
}

/** Flags to options. Only given flags are set, and ranges are checked by the core's own checks, so no default or limit is restated here. */
function pipelineOptions(flags: AnalyzeFlags): PipelineOptions {
  const first = integerFlag('first-months', flags['first-months'], 0);
  const interval = integerFlag('interval-months', flags['interval-months'], 0);
  const leadWeeks = integerFlag('lead-weeks', flags['lead-weeks'], 0);
  const catchUpWeeks = integerFlag('catch-up-weeks', flags['catch-up-weeks'], 0);
  const horizonMonths = integerFlag('horizon-months', flags['horizon-months'], 0);
  const asOf = isoDateFlag('as-of', flags['as-of']);
  const ruleOverrides = {
    ...(first !== undefined && { first }),
    ...(interval !== undefined && { interval }),
    ...(flags['count-technical'] && { countTechnical: true }),
  };
  coreCheck('--first-months/--interval-months', () => rules(ruleOverrides));
  if (leadWeeks !== undefined) coreCheck('--lead-weeks', () => checkLead(leadWeeks));
  if (catchUpWeeks !== undefined) coreCheck('--catch-up-weeks', () => checkCatchUp(catchUpWeeks));
  if (horizonMonths !== undefined) coreCheck('--horizon-months', () => checkHorizon(horizonMonths));
  return {
    ...(asOf !== undefined && { asOf }),
    rules: ruleOverrides,
    ...(leadWeeks !== undefined && { leadWeeks }),
    ...(catchUpWeeks !== undefined && { catchUpWeeks }),
    ...(horizonMonths !== undefined && { horizonMonths }),
  };
}

function coreCheck(flag: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}
