import { QueryClient, queryOptions, skipToken, type QueryClientConfig } from '@tanstack/svelte-query';
import { exportsIndexUrl, fetchExportFile, fetchExportIndex, type ExportEntry } from './api.ts';
import { analyzeInWorker, type ImportOptions, type Progress } from '../workers/client.ts';

export const queryKeys = {
  index: ['exports', 'index'] as const,
  indexAt: (url: URL) => ['exports', 'index', url.href] as const,
  file: (entry: ExportEntry, url?: URL) => ['exports', 'file', entry.id, entry.file, ...(url ? [url.href] : [])] as const,
  /** `version`: when the file's bytes were fetched, so a refetched file is analysed afresh. */
  analysis: (entry: ExportEntry, version: number, registered = false) => ['analysis', entry.id, entry.file, version, registered] as const,
};

/** Exports change rarely and analysing is costly: nothing refetches by itself. */
export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1, ...config.defaultOptions?.queries },
    },
  });
}

/** The list of exports; `url` is another endpoint's index (same origin), the default when absent. */
export function exportIndexQuery(url?: URL) {
  return queryOptions({
    queryKey: url ? queryKeys.indexAt(url) : queryKeys.index,
    queryFn: ({ signal }) => fetchExportIndex(signal, url ?? exportsIndexUrl()),
  });
}

export function exportFileQuery(entry: ExportEntry, url?: URL) {
  return queryOptions({
    queryKey: queryKeys.file(entry, url),
    queryFn: ({ signal }) => fetchExportFile(entry, signal, url ?? exportsIndexUrl()),
    gcTime: 60_000,
  });
}

/** The analysis options of the "as registered" switch: technical follow-ups counted as done (SPEC §5), or not. */
export function asRegistered(registered: boolean): ImportOptions {
  return registered ? { rules: { countTechnical: true } } : {};
}

/**
 * The analysis of fetched bytes, in a worker. Cancelling the query (or
 * leaving it for another export) aborts the signal, which terminates the
 * worker. A failed analysis is not retried: the same bytes fail the same way.
 */
export function analysisQuery(
  entry: ExportEntry,
  file: { bytes: Uint8Array | undefined; version: number },
  onProgress: (progress: Progress) => void,
  registered = false,
) {
  const { bytes } = file;
  return queryOptions({
    queryKey: queryKeys.analysis(entry, file.version, registered),
    queryFn: bytes ? ({ signal }) => analyzeInWorker(bytes, { signal, onProgress, options: asRegistered(registered) }) : skipToken,
    retry: false,
    gcTime: 5 * 60_000,
  });
}
