import { analyzeExport, type PipelineOptions } from '../../src/domain/analyze.ts';

/** Builds a canonical export from compact rows: case, measure, unit, event, date[, next_due[, caseworker]]. */
export function csv(...rows: string[][]): string {
  const header = 'case_id,measure_id,unit,event,date,next_due,caseworker';
  return [header, ...rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5] ?? '', r[6] ?? ''].join(','))].join('\n');
}

export function analyze(text: string, options: PipelineOptions = {}) {
  return analyzeExport(text, options);
}
