import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationRows } from '../../src/domain/aggregate/registrations.ts';
import { deriveExport } from '../../src/domain/analyze.ts';
import { auditPeriod, auditSettings, checklistCells, drawAudit } from '../../src/domain/audit/index.ts';
import { formulaSafeCsv } from '../../src/domain/export/csv.ts';
import { expectOneLineFailure, sagsflow } from './run.ts';

/* `sagsflow audit` and `audit-result` (SPEC §9.1), run as a user would. */

let dir = '';
let exportFile = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-audit-'));
  exportFile = join(dir, 'export.csv');
  const g = await sagsflow('generate', '--seed', '5', '--measures', '1200', '--danish', '--out', exportFile);
  expect(g.code, g.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AuditJson {
  population: Record<string, number>;
  sampleSize: Record<string, number>;
  total: { population: number; sample: number };
  sample: { line: number; unit: string; case_id: string; measure_id: string; caseworker: string; event: string; date: string }[];
  seed: number;
  period: { from: string; to: string };
}

const json = <T>(run: { code: number; stdout: Buffer; stderr: string }): T => {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.toString('utf8')) as T;
};

/** A checklist as written, with `documented` filled in: "no" on the rows given, "yes" elsewhere. */
function fill(text: string, no: ReadonlySet<number>, yes = 'yes', noWord = 'no', delimiter = ','): string {
  const lines = text.replace(/^\ufeff/, '').split('\r\n');
  return lines.map((l, i) => (i === 0 ? l : l.replace(new RegExp(`${delimiter}$`), `${delimiter}${no.has(i - 1) ? noWord : yes}`))).join('\r\n');
}

describe('sagsflow audit', () => {
  it('prints the population and sample size per unit, the totals and the sample, as SPEC §9.1 says', async () => {
    const out = json<AuditJson>(await sagsflow('audit', exportFile, '--seed', '7', '--json'));
    expect(Object.keys(out).slice(0, 4)).toEqual(['population', 'sampleSize', 'total', 'sample']);
    const units = Object.keys(out.population);
    expect(Object.keys(out.sampleSize)).toEqual(units);
    expect(out.total.population).toBe(Object.values(out.population).reduce((a, b) => a + b, 0));
    expect(out.total.sample).toBe(out.sample.length);
    expect(Object.keys(out.sample[0]!)).toEqual(['line', 'unit', 'case_id', 'measure_id', 'caseworker', 'event', 'date']);
    for (const r of out.sample) {
      expect(['follow_up', 'technical_follow_up']).toContain(r.event);
      expect(r.date >= out.period.from && r.date <= out.period.to).toBe(true);
    }
    expect(out.seed).toBe(7);
  });

  it('draws the sample the page draws: the same file, settings and seed give the same rows', async () => {
    const out = json<AuditJson>(await sagsflow('audit', exportFile, '--seed', '99', '--per-unit', '--confidence', '0.9', '--json'));
    const derived = deriveExport(readFileSync(exportFile));
    const plan = drawAudit(registrationRows(derived.measures), derived.analysis.units, auditPeriod(derived.analysis.asOf), auditSettings({ seed: 99, perUnit: true, confidence: 0.9 }));
    expect(out.sample.map((r) => r.line)).toEqual(plan.sample.map((r) => r.line));
    expect(json<AuditJson>(await sagsflow('audit', exportFile, '--seed', '100', '--per-unit', '--confidence', '0.9', '--json')).sample).not.toEqual(out.sample);
  });

  it('picks a seed when none is given, and says which, so the sample can be drawn again', async () => {
    const first = json<AuditJson>(await sagsflow('audit', exportFile, '--json'));
    const again = json<AuditJson>(await sagsflow('audit', exportFile, '--seed', String(first.seed), '--json'));
    expect(again.sample).toEqual(first.sample);
  });

  it('takes the period and the as-of date from the flags', async () => {
    const out = json<AuditJson>(await sagsflow('audit', exportFile, '--as-of', '2026-06-30', '--from', '2026-01-01', '--to', '2026-03-31', '--seed', '1', '--json'));
    expect(out.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(out.sample.every((r) => r.date >= '2026-01-01' && r.date <= '2026-03-31')).toBe(true);
  });

  it('exits 2 with one line on stderr for a bad flag or a period the wrong way round', async () => {
    const runs = await Promise.all([
      sagsflow('audit', exportFile, '--confidence', '95', '--json'),
      sagsflow('audit', exportFile, '--tolerable', '0', '--json'),
      sagsflow('audit', exportFile, '--allowed', '-1', '--json'),
      sagsflow('audit', exportFile, '--seed', '4294967296', '--json'),
      sagsflow('audit', exportFile, '--from', '2026-05-01', '--to', '2026-04-01', '--json'),
      sagsflow('audit', join(dir, 'missing.csv'), '--json'),
    ]);
    expectOneLineFailure(runs[0]!, /--confidence.*fraction from 0 to 1/);
    expectOneLineFailure(runs[1]!, /invalid tolerable rate/);
    expectOneLineFailure(runs[2]!, /--allowed/);
    expectOneLineFailure(runs[3]!, /invalid seed/);
    expectOneLineFailure(runs[4]!, /--from\/--to: invalid period/);
    expectOneLineFailure(runs[5]!, /cannot read .*missing\.csv/);
  });
});

describe('sagsflow audit-result', () => {
  let checklist = '';
  let sample: AuditJson['sample'] = [];
  beforeAll(async () => {
    const file = join(dir, 'checklist.csv');
    sample = json<AuditJson>(await sagsflow('audit', exportFile, '--seed', '3', '--out', file, '--json')).sample;
    checklist = readFileSync(file, 'utf8');
  }, 60_000);

  it('writes the checklist with an empty documented column for every sampled registration', () => {
    const lines = checklist.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('line,unit,case_id,measure_id,caseworker,event,date,documented');
    expect(lines).toHaveLength(sample.length + 1);
    expect(lines.slice(1).every((l) => l.endsWith(','))).toBe(true);
  });

  it('counts the rows not documented per unit and pooled, with the exact upper bound and whether to rely on them', async () => {
    const file = join(dir, 'filled.csv');
    writeFileSync(file, fill(checklist, new Set([0, 5])));
    const result = json<{ strata: Record<string, { n: number; deviations: number; rate: number; upperBound: number; reliable: boolean }>; pooled: { n: number; deviations: number; rate: number; upperBound: number; reliable: boolean } }>(
      await sagsflow('audit-result', file, '--json'),
    );
    expect(result.pooled).toMatchObject({ n: sample.length, deviations: 2, reliable: false });
    expect(result.pooled.rate).toBeCloseTo(2 / sample.length, 12);
    expect(Object.values(result.strata).reduce((s, r) => s + r.n, 0)).toBe(sample.length);
    expect(Object.keys(result.strata)).toEqual([...new Set(sample.map((r) => r.unit))]);
    expect(result.strata[sample[0]!.unit]!.deviations).toBeGreaterThanOrEqual(1);
  });

  it('relies on the registrations when every row is documented and the bound is at most the tolerable rate', async () => {
    const file = join(dir, 'all-yes.csv');
    writeFileSync(file, fill(checklist, new Set(), 'Yes'));
    const loose = json<{ pooled: { upperBound: number; reliable: boolean } }>(await sagsflow('audit-result', file, '--tolerable', '0.1', '--json'));
    expect(loose.pooled.reliable).toBe(loose.pooled.upperBound <= 0.1);
    expect(loose.pooled.upperBound).toBeCloseTo(1 - 0.05 ** (1 / sample.length), 10);
  });

  it('reads the page’s Danish checklist: ; and Windows-1252, ja and nej, dates as Danish Excel writes them', async () => {
    const { header, rows } = checklistCells(
      sample.map((r) => ({ line: r.line, unit: r.unit, caseId: r.case_id, measureId: r.measure_id, caseworker: r.caseworker, event: r.event as 'follow_up', date: r.date })),
      'da',
    );
    const text = fill(formulaSafeCsv(header, rows, { delimiter: ';', bom: false }), new Set([1]), 'ja', 'NEJ', ';').replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3-$2-$1');
    const file = join(dir, 'tjekliste.csv');
    writeFileSync(file, iconv.encode(text, 'win1252'));
    const result = json<{ pooled: { deviations: number; n: number } }>(await sagsflow('audit-result', file, '--json'));
    expect(result.pooled).toEqual(expect.objectContaining({ deviations: 1, n: sample.length }));
  });

  it('exits 2 naming the line of a row not marked', async () => {
    const file = join(dir, 'unmarked.csv');
    const text = fill(checklist, new Set()).split('\r\n');
    text[3] = text[3]!.replace(/,yes$/, ',');
    writeFileSync(file, text.join('\r\n'));
    expectOneLineFailure(await sagsflow('audit-result', file, '--json'), /line 4: documented is not filled in \(write yes or no\)$/);
  });

  it('exits 2 for a file that is not a checklist, or a bad confidence', async () => {
    const file = join(dir, 'other.csv');
    writeFileSync(file, 'name,colour\nx,red\n');
    expectOneLineFailure(await sagsflow('audit-result', file, '--json'), /cannot read .* as a checklist: the checklist has no unit and documented column/);
    expectOneLineFailure(await sagsflow('audit-result', file, '--confidence', '1', '--json'), /invalid confidence/);
  });
});
