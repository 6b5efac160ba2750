import { addDays, dayNumber } from '../calendar.ts';
import type { Draft } from './draft.ts';
import type { Rng } from './random.ts';

/**
 * Rows a real export carries that validation must reject (SPEC §3.1).
 * They are added next to the good rows, never in place of them, so the
 * good data and its figures stay the same whatever the share of bad rows.
 */

/** Raw dates no importer can read, in any variant (none is `YYYY-MM-DD`-shaped). */
const UNREADABLE_DATES: readonly string[] = ['ukendt', '31-02-2025', '12/31/2025', '30.02.2024', '?'];

/**
 * Exact repeats of rows, registered a little later: each row is repeated
 * with probability `share`.
 * @example duplicateRows(rng, drafts, 0.004).length // about 0.4 % of drafts.length
 */
export function duplicateRows(rng: Rng, drafts: readonly Draft[], share: number): Draft[] {
  const copies: Draft[] = [];
  if (share <= 0) return copies;
  for (const d of drafts) {
    if (rng.chance(share)) copies.push({ row: { ...d.row }, key: d.key + rng.int(0, 20) });
  }
  return copies;
}

/**
 * `count` deliberately bad rows, of four kinds: an unreadable date, an
 * empty unit, a follow-up dated before its measure's start, and a
 * follow-up of a measure that has no start (`orphanId(i)` names the
 * i-th such measure).
 * @example badRows(rng, drafts, 5, (i) => `X${i}`).length // 5
 */
export function badRows(
  rng: Rng,
  drafts: readonly Draft[],
  count: number,
  orphanId: (i: number) => { caseId: string; measureId: string },
): Draft[] {
  const starts = new Map<string, Draft>();
  for (const d of drafts) if (d.row.event === 'measure_start') starts.set(d.row.measureId, d);
  const bad: Draft[] = [];
  if (drafts.length === 0) return bad;
  for (let i = 0; i < count; i++) {
    const source = rng.pick(drafts);
    const kind = rng.int(0, 3);
    if (kind === 0) {
      bad.push({ row: { ...source.row, date: rng.pick(UNREADABLE_DATES), nextDue: null }, key: source.key + rng.int(0, 3) });
    } else if (kind === 1) {
      bad.push({ row: { ...source.row, unit: '' }, key: source.key + rng.int(0, 3) });
    } else if (kind === 2) {
      const start = starts.get(source.row.measureId) ?? source;
      const date = addDays(start.row.date, -rng.int(1, 60));
      bad.push({ row: { ...start.row, event: 'follow_up', date, nextDue: null }, key: start.key + rng.int(1, 10) });
    } else {
      const ids = orphanId(i);
      const date = source.row.date;
      bad.push({
        row: { ...source.row, ...ids, event: 'follow_up', date, nextDue: null },
        key: dayNumber(date) + rng.int(0, 5),
      });
    }
  }
  return bad;
}
