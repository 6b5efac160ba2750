import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { VARIANT_NAMES, VARIANTS, type VariantName } from '../../src/domain/generate/index.ts';
import type { Analysis } from '../../src/domain/types.ts';
import { expectOneLineFailure, sagsflow, type Run } from './run.ts';

/** Data rows of a generated file: lines after the header (no field spans lines). */
function dataRows(bytes: Buffer): number {
  return bytes.toString('latin1').split(/\r?\n/).filter((l) => l !== '').length - 1;
}

/**
 * Reasons name a column as the file spells it ("dato", "Date"); spelled
 * the canonical way, every variant's analysis must be the same.
 */
function canonicalReasons(analysis: Analysis, variant: VariantName): Analysis {
  const names = new Map(VARIANTS[variant].columns.map(([field, header]) => [header, field]));
  const canonical = new Map(VARIANTS.canonical.columns.map(([field, header]) => [field, header]));
  const rename = (reason: string) =>
    reason.replace(/column "([^"]*)"/g, (whole, header: string) => {
      const field = names.get(header);
      return field && canonical.has(field) ? `column "${canonical.get(field)}"` : whole;
    });
  return { ...analysis, rejections: analysis.rejections.map((r) => ({ ...r, reason: rename(r.reason) })) };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sagsflow analyze', () => {
  it('exits 2 with one line on stderr when the file does not exist', async () => {
    expectOneLineFailure(await sagsflow('analyze', join(dir, 'missing.csv'), '--json'), /cannot read .*missing\.csv: no such file/);
  });

  it('exits 2 with one line on stderr when the path is a directory', async () => {
    expectOneLineFailure(await sagsflow('analyze', dir, '--json'), /directory/);
  });

  it('exits 2 with one line on stderr when the file is refused whole', async () => {
    const file = join(dir, 'not-an-export.csv');
    writeFileSync(file, 'name,colour\nx,red\n');
    expectOneLineFailure(await sagsflow('analyze', file, '--json'), /^sagsflow: cannot analyze /);
  });

  it('exits 2 with one line on stderr for a bad flag, before reading the file', async () => {
    const file = join(dir, 'missing.csv');
    const runs = await Promise.all([
      sagsflow('analyze', file, '--as-of', '2025-02-30', '--json'),
      sagsflow('analyze', file, '--as-of', '30-06-2025', '--json'),
      sagsflow('analyze', file, '--as-of', '0001-01-01', '--json'),
      sagsflow('analyze', file, '--first-months', 'three', '--json'),
      sagsflow('analyze', file, '--interval-months', '0', '--json'),
      sagsflow('analyze', file, '--lead-weeks', '-1', '--json'),
      sagsflow('analyze', file, '--horizon-months', '5', '--json'),
      sagsflow('analyze', file, '--bogus', '--json'),
      sagsflow('analyze', file, '--catch-up-weeks', '0', '--json'),
      sagsflow('analyze', file, '--catch-up-weeks', '27', '--json'),
      sagsflow('analyze', file, '--catch-up-weeks', 'four', '--json'),
    ]);
    expectOneLineFailure(runs[0]!, /--as-of.*YYYY-MM-DD/);
    expectOneLineFailure(runs[1]!, /--as-of/);
    expectOneLineFailure(runs.splice(2, 1)[0]!, /--as-of.*1900–2199/);
    expectOneLineFailure(runs[2]!, /--first-months.*whole number/);
    expectOneLineFailure(runs[3]!, /--interval-months/);
    expectOneLineFailure(runs[4]!, /lead-weeks/);
    expectOneLineFailure(runs[5]!, /--horizon-months.*at least 6/);
    expectOneLineFailure(runs[6]!, /bogus/);
    expectOneLineFailure(runs[7]!, /--catch-up-weeks.*from 1 to 26/);
    expectOneLineFailure(runs[8]!, /--catch-up-weeks.*from 1 to 26/);
    expectOneLineFailure(runs[9]!, /--catch-up-weeks.*whole number/);
  });

  it('exits 2 with one line on stderr for an unknown command', async () => {
    expectOneLineFailure(await sagsflow('analyse', 'x.csv'), /unknown command/);
  });
});

describe('sagsflow generate and analyze together', () => {
  const files = new Map<VariantName, string>();
  const outputs = new Map<VariantName, Run>();

  beforeAll(async () => {
    for (const v of VARIANT_NAMES) files.set(v, join(dir, `seed7-${v}.csv`));
    const generated = await Promise.all(
      VARIANT_NAMES.map((v) => sagsflow('generate', '--seed', '7', '--measures', '800', '--variant', v, '--out', files.get(v)!)),
    );
    for (const g of generated) expect(g.code, g.stderr).toBe(0);
    const analyzed = await Promise.all(VARIANT_NAMES.map((v) => sagsflow('analyze', files.get(v)!, '--json')));
    VARIANT_NAMES.forEach((v, i) => outputs.set(v, analyzed[i]!));
  }, 120_000);

  it('prints one JSON object whose rows.total counts the data rows, accepted + rejected = total', () => {
    const run = outputs.get('canonical')!;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const text = run.stdout.toString('utf8');
    expect(text.trim().startsWith('{')).toBe(true);
    const analysis = JSON.parse(text) as Analysis;
    const total = dataRows(readFileSync(files.get('canonical')!));
    expect(analysis.rows.total).toBe(total);
    expect(analysis.rows.accepted + analysis.rows.rejected).toBe(total);
    expect(analysis.rejections).toHaveLength(analysis.rows.rejected);
    expect(analysis.rows.rejected).toBeGreaterThan(0);
    expect(analysis.units).toHaveLength(8);
    expect(analysis.units).toContain('Brønshøj-Husum');
    expect(analysis.asOf <= '2026-10-31').toBe(true);
  });

  it('gives the same analysis for the canonical, Danish Excel, tab and BOM variants of one seed', () => {
    const canonical = JSON.parse(outputs.get('canonical')!.stdout.toString('utf8')) as Analysis;
    for (const v of VARIANT_NAMES) {
      const run = outputs.get(v)!;
      expect(run.code, `${v}: ${run.stderr}`).toBe(0);
      expect(canonicalReasons(JSON.parse(run.stdout.toString('utf8')) as Analysis, v), v).toEqual(canonical);
    }
  });

  it('writes the Danish Excel variant as Windows-1252 bytes, the others as UTF-8', () => {
    const danish = readFileSync(files.get('danish-excel')!);
    expect(danish.includes(0xf8)).toBe(true); // ø as one byte
    expect(danish.includes(Buffer.from('ø', 'utf8'))).toBe(false);
    expect(new TextDecoder('windows-1252').decode(danish)).toContain('Brønshøj-Husum');
    expect(readFileSync(files.get('canonical')!).toString('utf8')).toContain('Brønshøj-Husum');
    expect([...readFileSync(files.get('bom')!).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes the same bytes to stdout as to --out, for the same seed', async () => {
    const run = await sagsflow('generate', '--seed', '7', '--measures', '800', '--danish');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.equals(readFileSync(files.get('danish-excel')!))).toBe(true);
  });

  it('writes a teaching scenario’s export, the same as the teaching view makes, and refuses an as-of date for it', async () => {
    const [run, again, dated] = await Promise.all([
      sagsflow('generate', '--scenario', 'august', '--measures', '300'),
      sagsflow('generate', '--scenario', 'august', '--measures', '300'),
      sagsflow('generate', '--scenario', 'august', '--as-of', '2026-01-31'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { generateRows, exportText } = await import('../../src/domain/generate/index.ts');
    const { SCENARIOS, scenarioOptions } = await import('../../src/domain/generate/scenarios.ts');
    const text = exportText(generateRows(scenarioOptions('august', { ...SCENARIOS.august.defaults, measures: 300 })), 'canonical');
    expect(run.stdout.toString('utf8')).toBe(text);
    expect(again.stdout.equals(run.stdout)).toBe(true);
    expectOneLineFailure(dated, /--scenario august ends on 2026-12-31; leave out --as-of/);
    expectOneLineFailure(await sagsflow('generate', '--scenario', 'june'), /invalid --scenario: "june" \(use one of even, august, behind, technical, echo\)/);
  });

  it('honours the analysis flags: --as-of, --horizon-months and --count-technical', async () => {
    const file = files.get('canonical')!;
    const [asOf, technical] = await Promise.all([
      sagsflow('analyze', file, '--json', '--as-of', '2026-03-31', '--horizon-months', '6'),
      sagsflow('analyze', file, '--json', '--count-technical'),
    ]);
    expect(asOf.code, asOf.stderr).toBe(0);
    expect(technical.code, technical.stderr).toBe(0);
    const plain = JSON.parse(outputs.get('canonical')!.stdout.toString('utf8')) as Analysis;
    const early = JSON.parse(asOf.stdout.toString('utf8')) as Analysis;
    expect(early.asOf).toBe('2026-03-31');
    expect(early.months.at(-1)).toBe('2026-09');
    expect(early.rows.total).toBe(plain.rows.total);
    expect(early.rows.rejected).toBeGreaterThan(plain.rows.rejected); // rows after the as-of date
    const registered = JSON.parse(technical.stdout.toString('utf8')) as Analysis;
    const done = (a: Analysis, unit: string) => a.status[unit]!.done_on_time + a.status[unit]!.done_late;
    expect(plain.technicalFollowUps['Valby']).toBeGreaterThan(0);
    expect(done(registered, 'Valby')).toBeGreaterThan(done(plain, 'Valby'));
    expect(registered.status['Amager']).toEqual(plain.status['Amager']); // Amager registers none
  });

  it('honours --catch-up-weeks: the backlog is the same, its load spread over more weeks', async () => {
    const file = files.get('canonical')!;
    const [one, eight] = await Promise.all([1, 8].map((n) => sagsflow('analyze', file, '--json', '--catch-up-weeks', String(n))));
    const a1 = JSON.parse(one!.stdout.toString('utf8')) as Analysis;
    const a8 = JSON.parse(eight!.stdout.toString('utf8')) as Analysis;
    const unit = a1.units.find((u) => a1.levelling[u]!.backlog > 8)!;
    expect(unit).toBeDefined();
    expect(a8.levelling[unit]!.backlog).toBe(a1.levelling[unit]!.backlog);
    expect(a8.levelling[unit]!.lowerBound).toBeLessThan(a1.levelling[unit]!.lowerBound);
    expect(a8.registration).toEqual(a1.registration);
  });

  it('prints a short summary with every unit without --json', async () => {
    const run = await sagsflow('analyze', files.get('danish-excel')!);
    expect(run.code, run.stderr).toBe(0);
    const text = run.stdout.toString('utf8');
    expect(text).toMatch(/as of \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/rows: \d+ \(\d+ accepted, \d+ rejected\)/);
    for (const unit of ['Amager', 'Nørrebro', 'Indre By/Østerbro']) expect(text).toContain(unit);
  });
});

describe('sagsflow demo', () => {
  it('writes index.json and the two demo exports, the same bytes every time', async () => {
    const [a, b] = [join(dir, 'demo-a'), join(dir, 'demo-b')];
    const runs = await Promise.all([sagsflow('demo', a), sagsflow('demo', b)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(a, 'index.json'), 'utf8'))).toEqual({
      exports: [
        { id: 'demo', name: 'Demo: 8 units (synthetic)', names: { da: 'Demo: 8 enheder (syntetiske data)' }, file: 'demo.csv' },
        { id: 'demo-excel-da', name: 'Demo: Danish Excel export (synthetic)', names: { da: 'Demo: dansk Excel-udtræk (syntetiske data)' }, file: 'demo-excel-da.csv' },
      ],
    });
    for (const file of ['index.json', 'demo.csv', 'demo-excel-da.csv']) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    }
    const rows = dataRows(readFileSync(join(a, 'demo.csv')));
    expect(rows).toBeGreaterThan(4000);
    expect(dataRows(readFileSync(join(a, 'demo-excel-da.csv')))).toBe(rows);
  });

  it('writes demo exports that analyze the same', async () => {
    const d = join(dir, 'demo-c');
    expect((await sagsflow('demo', d)).code).toBe(0);
    const [plain, excel] = await Promise.all([
      sagsflow('analyze', join(d, 'demo.csv'), '--json'),
      sagsflow('analyze', join(d, 'demo-excel-da.csv'), '--json'),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    const a = JSON.parse(plain.stdout.toString('utf8')) as Analysis;
    expect(canonicalReasons(JSON.parse(excel.stdout.toString('utf8')) as Analysis, 'danish-excel')).toEqual(a);
  });

  it('exits 2 with one line on stderr without a directory', async () => {
    expectOneLineFailure(await sagsflow('demo'), /usage: sagsflow demo DIR/);
  });
});
