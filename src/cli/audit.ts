import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { registrationRows } from '../domain/aggregate/registrations.ts';
import { deriveExport, UnreadableExportError } from '../domain/analyze.ts';
import {
  auditPeriod,
  auditResult,
  auditRule,
  auditSettings,
  ChecklistRefused,
  checklistCells,
  drawAudit,
  newSeed,
  readChecklist,
  type AuditFigure,
  type AuditPlan,
  type AuditResult,
  type ChecklistProblem,
} from '../domain/audit/index.ts';
import { formulaSafeCsv } from '../domain/export/csv.ts';
import { coreCheck, UsageError } from './errors.ts';
import { readFileBytes } from './read.ts';
import { fractionFlag, integerFlag, isoDateFlag } from './values.ts';

/*
 * `audit` draws the sample of SPEC §9 and writes the auditor's checklist;
 * `audit-result` reads the checklist back, filled in, and says whether the
 * registrations can be relied on (SPEC §9.1).
 */

export const AUDIT_USAGE =
  'sagsflow audit FILE [--as-of YYYY-MM-DD] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--confidence C] [--tolerable T] [--allowed K] [--per-unit] [--seed S] [--out CHECKLIST.csv] [--json]';
export const AUDIT_RESULT_USAGE = 'sagsflow audit-result CHECKLIST.csv [--confidence C] [--tolerable T] [--json]';

/**
 * `audit FILE …`: SPEC §9.1's JSON with --json (and the seed and period it
 * used, so a drawn sample can be drawn again), else a short summary.
 * @example runAudit(['export.csv', '--seed', '7', '--json'])
 */
export function runAudit(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      confidence: { type: 'string' },
      tolerable: { type: 'string' },
      allowed: { type: 'string' },
      'per-unit': { type: 'boolean' },
      seed: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(`usage: ${AUDIT_USAGE}`);
  const asOf = isoDateFlag('as-of', values['as-of']);
  const from = isoDateFlag('from', values.from);
  const to = isoDateFlag('to', values.to);
  const confidence = fractionFlag('confidence', values.confidence, '0.95');
  const tolerable = fractionFlag('tolerable', values.tolerable, '0.05');
  const allowed = integerFlag('allowed', values.allowed, 0);
  const seed = integerFlag('seed', values.seed, 0);
  const settings = coreCheck('--confidence/--tolerable/--allowed/--seed', () =>
    auditSettings({
      ...(confidence !== undefined && { confidence }),
      ...(tolerable !== undefined && { tolerable }),
      ...(allowed !== undefined && { allowed }),
      perUnit: values['per-unit'] ?? false,
      seed: seed ?? newSeed(),
    }),
  );

  const bytes = readFileBytes(file);
  let derived;
  try {
    derived = deriveExport(bytes, asOf === undefined ? {} : { asOf });
  } catch (error) {
    if (error instanceof UnreadableExportError) throw new UsageError(`cannot audit ${file}: ${error.message}`);
    throw error;
  }
  const { analysis, measures } = derived;
  const period = coreCheck('--from/--to', () => auditPeriod(analysis.asOf, from, to));
  const plan = drawAudit(registrationRows(measures), analysis.units, period, settings);
  if (values.out !== undefined) {
    const { header, rows } = checklistCells(plan.sample);
    try {
      writeFileSync(values.out, formulaSafeCsv(header, rows));
    } catch (error) {
      throw new UsageError(`cannot write ${values.out}: ${(error as Error).message}`);
    }
  }
  return values.json ? JSON.stringify(auditJson(plan)) + '\n' : auditSummary(file, plan, values.out);
}

/** SPEC §9.1's object, with the seed and the period after its keys. */
function auditJson(plan: AuditPlan) {
  const perUnit = (value: (s: AuditPlan['strata'][number]) => number) => Object.fromEntries(plan.strata.map((s) => [s.unit, value(s)]));
  return {
    population: perUnit((s) => s.population),
    sampleSize: perUnit((s) => s.sample),
    total: plan.total,
    sample: plan.sample.map((r) => ({ line: r.line, unit: r.unit, case_id: r.caseId, measure_id: r.measureId, caseworker: r.caseworker, event: r.event, date: r.date })),
    seed: plan.settings.seed,
    period: plan.period,
  };
}

const percent = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

function auditSummary(file: string, plan: AuditPlan, out: string | undefined): string {
  const { settings: s, period, total } = plan;
  const lines = [
    `${file}: registrations from ${period.from} to ${period.to}`,
    `sample of ${total.sample} from ${total.population} (confidence ${percent(s.confidence)}, tolerable rate ${percent(s.tolerable)}, ${s.allowed} deviations allowed, ${s.perUnit ? 'one sample per unit' : 'one sample for all units'}, seed ${s.seed})`,
    ...plan.strata.map((st) => `  ${st.unit}: ${st.sample} of ${st.population}`),
  ];
  if (out !== undefined) lines.push(`checklist written to ${out}: fill in documented with yes or no, then run audit-result on it`);
  return lines.join('\n') + '\n';
}

/** A problem of a checklist in English, for stderr. */
export function problemText(p: ChecklistProblem): string {
  switch (p.code) {
    case 'unmarked':
      return `line ${p.line}: documented is not filled in (write yes or no)`;
    case 'unreadable':
      return `line ${p.line}: documented reads "${p.value}" (write yes or no, or ja or nej)`;
    case 'noUnit':
      return `line ${p.line}: the unit is empty`;
  }
}

/**
 * `audit-result CHECKLIST.csv …`: `{ strata, pooled }` with --json, else a
 * short summary. A row not marked stops it, naming its line.
 * @example runAuditResult(['checklist.csv', '--json'])
 */
export function runAuditResult(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { confidence: { type: 'string' }, tolerable: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(`usage: ${AUDIT_RESULT_USAGE}`);
  const confidence = fractionFlag('confidence', values.confidence, '0.95');
  const tolerable = fractionFlag('tolerable', values.tolerable, '0.05');
  const rule = coreCheck('--confidence/--tolerable', () =>
    auditRule({ ...(confidence !== undefined && { confidence }), ...(tolerable !== undefined && { tolerable }) }),
  );
  let checklist;
  try {
    checklist = readChecklist(readFileBytes(file));
  } catch (error) {
    if (error instanceof ChecklistRefused) throw new UsageError(`cannot read ${file} as a checklist: ${error.message}`);
    throw error;
  }
  const [first, ...more] = checklist.problems;
  if (first) throw new UsageError(`${file} ${problemText(first)}${more.length > 0 ? ` (and ${more.length} more rows)` : ''}`);
  if (checklist.rows.length === 0) throw new UsageError(`${file} has no rows to count`);
  const result = auditResult(checklist.rows, rule);
  return values.json ? JSON.stringify(result) + '\n' : resultSummary(file, result, rule);
}

function resultSummary(file: string, result: AuditResult, rule: { confidence: number; tolerable: number }): string {
  const line = (name: string, f: AuditFigure) =>
    `${name}: ${f.deviations} of ${f.n} not documented (${percent(f.rate)}), upper bound ${percent(f.upperBound)}: ${f.reliable ? 'the registrations can be relied on' : 'the registrations cannot be relied on'}`;
  return [
    `${file}: confidence ${percent(rule.confidence)}, tolerable rate ${percent(rule.tolerable)}`,
    line('all units', result.pooled),
    ...Object.entries(result.strata).map(([unit, f]) => `  ${line(unit, f)}`),
  ].join('\n') + '\n';
}
