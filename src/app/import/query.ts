import { queryOptions } from '@tanstack/svelte-query';
import { analyzeInWorker, type Progress } from '../../workers/client.ts';
import { asRegistered } from '../queries.ts';
import type { ImportChoices, LocalFile } from './localFile.svelte.ts';

/**
 * The analysis of a local file in the worker, keyed by the file's opening
 * and the answers given so far. Dates are detected from the data unless the
 * person chose an order; technical follow-ups count as done only "as
 * registered". Nothing is retried: the same bytes fail the same way.
 */
export function localAnalysisQuery(file: LocalFile, choices: ImportChoices, onProgress: (p: Progress) => void, registered = false) {
  return queryOptions({
    queryKey: ['local-analysis', file.id, choices, registered] as const,
    queryFn: ({ signal }) =>
      analyzeInWorker(file.bytes, {
        signal,
        onProgress,
        format: file.format,
        ...(choices.sheet !== undefined && { sheet: choices.sheet }),
        options: {
          ...asRegistered(registered),
          dateOrder: choices.dateOrder ?? 'detect',
          ...(choices.columns && { columns: choices.columns }),
        },
      }),
    retry: false,
    gcTime: 60_000,
  });
}
