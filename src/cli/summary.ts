import type { Analysis } from '../domain/types.ts';

const COLUMNS = [
  ['on time', 'done_on_time'],
  ['late', 'done_late'],
  ['overdue', 'overdue'],
  ['upcoming', 'upcoming'],
  ['missed', 'missed'],
  ['projected', 'projected'],
] as const;
const SHOWN_REJECTIONS = 5;

/**
 * A short text summary of an analysis: as-of date, row counts, one line
 * per unit with its obligations by status, and the first rejected rows.
 * @example summary('export.csv', analysis).split('\n')[0] // 'export.csv as of 2025-06-30'
 */
export function summary(file: string, a: Analysis): string {
  const header = ['unit', ...COLUMNS.map(([label]) => label), 'technical', 'BUS late', 'levelled peak'];
  const body = a.units.map((unit) => [
    unit,
    ...COLUMNS.map(([, status]) => String(a.status[unit]?.[status] ?? 0)),
    String(a.technicalFollowUps[unit] ?? 0),
    String(a.registration[unit]?.flaggedLate ?? 0),
    `${a.levelling[unit]?.levelledPeak ?? 0} (was ${a.levelling[unit]?.baselinePeak ?? 0})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const { total, accepted, rejected } = a.rows;
  const out = [
    `${file} as of ${a.asOf}`,
    `rows: ${total} (${accepted} accepted, ${rejected} rejected)`,
    '',
    'follow-up obligations by status; BUS late = measures the old rule (late until two on-time follow-ups) shows as late;',
    'levelled peak = most follow-ups in one week over the next 26 weeks, the overdue ones caught up, when started up to the lead early',
    line(header),
    ...body.map(line),
  ];
  if (a.rejections.length > 0) {
    out.push('', `rejected rows${a.rejections.length > SHOWN_REJECTIONS ? ` (first ${SHOWN_REJECTIONS}; --json lists all)` : ''}:`);
    for (const r of a.rejections.slice(0, SHOWN_REJECTIONS)) out.push(`  line ${r.line}: ${r.reason}`);
  }
  return out.join('\n') + '\n';
}
