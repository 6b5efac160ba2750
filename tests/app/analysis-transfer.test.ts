import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figuresOf, figuresWithCatchUp, type Figures } from '../../src/domain/analyze.ts';
import { exportText, generateRows } from '../../src/domain/generate/index.ts';
import { prepareLevelling } from '../../src/domain/levelling/index.ts';
import { fromColumns, toColumns } from '../../src/workers/columns.ts';
import { packFigures, unpackFigures } from '../../src/workers/figuresTransfer.ts';
import type { AnalyzeRequest, AnalyzeResponse } from '../../src/workers/protocol.ts';

/*
 * The analysis worker's result crosses to the page without a structured
 * clone of its long lists: the lists go as columns of typed arrays in the
 * transfer list, and the page builds the rows back a slice at a time.
 */

const text = exportText(generateRows({ seed: 11, measures: 1500 }), 'canonical');

/** The longest array of objects anywhere in `value` (what a structured clone rebuilds one by one). */
function longestObjectList(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return 0;
  seen.add(value);
  const children = Object.values(value as object);
  const own = Array.isArray(value) ? value.filter((v) => v !== null && typeof v === 'object').length : 0;
  return Math.max(own, ...children.map((v) => longestObjectList(v, seen)));
}

/** The longest array of strings anywhere in `value` (what a structured clone rebuilds one by one, too). */
function longestStringList(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return 0;
  seen.add(value);
  const own = Array.isArray(value) ? value.filter((v) => typeof v === 'string').length : 0;
  return Math.max(own, ...Object.values(value as object).map((v) => longestStringList(v, seen)));
}

/** Runs the real worker module on a stand-in for its global scope and gives back what it posted. */
async function postedBy(request: AnalyzeRequest): Promise<{ message: AnalyzeResponse; transfer: Transferable[] }[]> {
  const posted: { message: AnalyzeResponse; transfer: Transferable[] }[] = [];
  const scope = { postMessage: (message: AnalyzeResponse, transfer: Transferable[] = []) => posted.push({ message, transfer }), onmessage: null as null | ((e: { data: AnalyzeRequest }) => Promise<void>) };
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src/workers/analyze.worker.ts');
  await scope.onmessage!({ data: request });
  return posted;
}

describe('the analysis result hand-off', () => {
  let figures: Figures;
  beforeAll(() => void (figures = figuresOf(text)));

  it('the worker posts its result with no list of more than a hundred objects, the long ones as transferred typed arrays', async () => {
    const posted = await postedBy({ input: text, options: {} });
    const result = posted.find((p) => p.message.type === 'result')!;
    expect(figures.obligations.length).toBeGreaterThan(3000);
    expect(longestObjectList(result.message)).toBeLessThanOrEqual(100);
    // Nor a long list of texts: ids travel as code units in a typed array.
    expect(new Set(figures.obligations.map((o) => o.caseId)).size).toBeGreaterThan(1000);
    expect(longestStringList(result.message)).toBeLessThanOrEqual(100);
    expect(result.transfer.length).toBeGreaterThan(0);
    expect(result.transfer.every((b) => b instanceof ArrayBuffer)).toBe(true);
    const bytes = result.transfer.reduce<number>((s, b) => s + (b as ArrayBuffer).byteLength, 0);
    expect(bytes).toBeGreaterThanOrEqual(4 * figures.obligations.length * 11);
  });

  it('the transferred buffers move without a copy: the sender’s are emptied', () => {
    const { figures: packed, transfer } = packFigures(figures);
    const received = structuredClone(packed, { transfer });
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    expect(received.obligations.length).toBe(figures.obligations.length);
  });

  it('the figures the page unpacks equal the figures the worker made', async () => {
    const { figures: packed, transfer } = packFigures(figures);
    const back = await unpackFigures(structuredClone(packed, { transfer }));
    expect(back).toEqual(figures);
    expect(back.obligations.some((o) => o.completed === null)).toBe(true);
    expect(back.cases[0]!.measureTypes).not.toBe(back.cases[1]!.measureTypes);
  });

  it('the levelling arrives prepared, its jobs the very obligations the page holds, so opening the view prepares nothing', async () => {
    const { figures: packed, transfer } = packFigures(figures);
    const back = await unpackFigures(structuredClone(packed, { transfer }));
    const unit = back.prepared.units.find((u) => u.jobs.length > 0 && u.backlog.length > 0)!;
    const held = new Set(back.obligations);
    expect(unit.jobs.every((o) => held.has(o)) && unit.backlog.every((o) => held.has(o))).toBe(true);
    expect(back.prepared).toEqual(prepareLevelling(back.obligations, back.analysis.units, back.analysis.asOf));
  });

  it('what no catch-up moves arrives prepared too, so the page’s first change of catch-up prepares only the backlog’s successors', async () => {
    const { figures: packed, transfer } = packFigures(figures);
    const back = await unpackFigures(structuredClone(packed, { transfer }));
    const held = new Set(back.obligations);
    expect(back.fixed.prepared.units.every((u) => u.jobs.every((o) => held.has(o)))).toBe(true);
    expect(back.fixed.prepared).toEqual(prepareLevelling(back.obligations.slice(0, back.backlog.start), back.analysis.units, back.analysis.asOf));
    const other = back.settings.catchUpWeeks + 5;
    expect(figuresWithCatchUp(back, other).prepared).toEqual(figuresWithCatchUp(figures, other).prepared);
  });

  it('the page builds the rows a slice at a time and gives way between slices', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `C${i % 7}`, n: i, end: i % 2 ? null : '2025-01-01', types: ['a', String(i % 3)] }));
    const schema = { id: 'text', n: 'number', end: 'text', types: 'texts' } as const;
    let pauses = 0;
    const back = await fromColumns(toColumns(rows, schema).table, schema, { slice: 1000, pause: async () => void pauses++ });
    expect(back).toEqual(rows);
    expect(pauses).toBe(2);
  });

  it('texts come back exactly, across blocks: empty, accented, composed and decomposed, emoji, a lone surrogate, long', async () => {
    const odd = ['', 'Nørrebro', 'Nørrebro'.normalize('NFD'), 'Indre By/Østerbro', '👩‍👧 familie', '\ud800x', 'x'.repeat(20_000), 'ÆØÅ æøå'];
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ id: i % 5 === 0 ? odd[(i / 5) % odd.length]! : `S${i}`, n: i }));
    const schema = { id: 'text', n: 'number' } as const;
    const { table, transfer } = toColumns(rows, schema);
    const back = await fromColumns(structuredClone(table, { transfer }), schema, { slice: 5000, pause: async () => {} });
    expect(back).toEqual(rows);
  });

  it('texts repeated in a row, apart or after a null come back as they were, each distinct one sent once', async () => {
    const value = fc.option(fc.constantFrom('Amager', 'Valby', 'S1', ''), { nil: null });
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ t: value, l: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }) }), { maxLength: 40 }), async (rows) => {
      const schema = { t: 'text', l: 'texts' } as const;
      const { table } = toColumns(rows, schema);
      expect(await fromColumns(table, schema, { pause: async () => {} })).toEqual(rows);
      const column = table.columns.t as { ends: Int32Array };
      expect(column.ends.length).toBe(new Set(rows.map((r) => r.t).filter((t) => t !== null)).size);
    }));
  });

  it('a column the page expects but the message lacks is an error, not rows of undefined', async () => {
    const { table } = toColumns([{ a: 'x' }], { a: 'text' });
    await expect(fromColumns(table, { a: 'text', b: 'number' } as const)).rejects.toThrow('column b is missing');
  });
});
