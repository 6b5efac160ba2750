import { analyzeExport, type PipelineOptions } from '../../src/domain/analyze.ts';
import type { Job } from '../../src/domain/levelling/index.ts';

/** Builds a canonical export from compact rows: case, measure, unit, event, date[, next_due[, caseworker]]. */
export function csv(...rows: string[][]): string {
  const header = 'case_id,measure_id,unit,event,date,next_due,caseworker';
  return [header, ...rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5] ?? '', r[6] ?? ''].join(','))].join('\n');
}

export function analyze(text: string, options: PipelineOptions = {}) {
  return analyzeExport(text, options);
}

/** Every plan of the jobs, for brute force on small instances. */
export function* allPlans(jobs: readonly Job[], i = 0, plan: number[] = []): Generator<number[]> {
  if (i === jobs.length) return yield plan.slice();
  for (let w = jobs[i]!.release; w <= jobs[i]!.due; w++) {
    plan.push(w);
    yield* allPlans(jobs, i + 1, plan);
    plan.pop();
  }
}
