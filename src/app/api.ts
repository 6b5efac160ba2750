import { sizeRefusal } from '../domain/import/size.ts';
import type { Refusal } from '../domain/reasons.ts';

/**
 * Fetchers for the export endpoint: `<base>/exports/index.json` lists the
 * exports, and each entry's `file` sits beside it. Every failure becomes a
 * FetchError whose `kind` the UI turns into words.
 */

export interface ExportEntry {
  id: string;
  name: string;
  /** The name in other languages, by language code (`{ "da": "…" }`); optional. */
  names?: Readonly<Record<string, string>>;
  /** Path of the CSV relative to the index. */
  file: string;
}

export interface ExportIndex {
  exports: ExportEntry[];
}

/**
 * - `network`: no answer at all;
 * - `status`: an answer that is not 2xx;
 * - `html`: a web page where data was expected (a static server's SPA
 *   fallback answers a missing file with index.html and status 200);
 * - `format`: an answer that is not what the endpoint promises;
 * - `too-large`: a file over the size the reader takes (decision 23),
 *   refused from its declared length or, without one, as soon as more
 *   arrived: never read whole and copied to the worker first. `refusal`
 *   says how large.
 */
export type FetchFailure = 'network' | 'status' | 'html' | 'format' | 'too-large';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly kind: FetchFailure,
    readonly url: string,
    readonly status: number | null = null,
    options?: ErrorOptions & { refusal?: Refusal },
  ) {
    super(`${kind}${status === null ? '' : ` ${status}`}: ${url}`, options);
    this.refusal = options?.refusal ?? null;
  }
  readonly refusal: Refusal | null;
}

/** Where the exports live, resolved against the page so it works under any base path. */
export function exportsIndexUrl(base: string = import.meta.env.BASE_URL): URL {
  return new URL(`${base}exports/index.json`, document.baseURI);
}

/**
 * The index of an endpoint a person typed (a folder such as `/other/` or a
 * full address), or null when it is on another origin: the page's CSP
 * (connect-src 'self') would block it, and no case data may go elsewhere.
 * @example endpointIndexUrl('/udtraek/') // URL of /udtraek/exports/index.json on this origin
 */
export function endpointIndexUrl(input: string, page: string = document.baseURI): URL | null {
  let url: URL;
  try {
    url = new URL(input.trim() || '.', page);
  } catch {
    return null;
  }
  if (url.origin !== new URL(page).origin) return null;
  if (url.pathname.endsWith('.json')) return url;
  const folder = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return new URL(`${folder}exports/index.json`, url);
}

/** An entry's file, resolved beside the index; never another origin. */
export function exportFileUrl(entry: ExportEntry, indexUrl: URL = exportsIndexUrl()): URL {
  const url = new URL(entry.file, indexUrl);
  if (url.origin !== indexUrl.origin) throw new FetchError('format', url.href);
  return url;
}

async function get(url: URL, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json, text/csv, */*' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FetchError('network', url.href, null, { cause: error });
  }
  if (!response.ok) throw new FetchError('status', url.href, response.status);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new FetchError('html', url.href, response.status);
  }
  return response;
}

/**
 * An entry's name in `lang`, or its `name` when it has none in that language.
 * @example entryName({ id: 'a', name: 'Demo', names: { da: 'Demo (da)' }, file: 'a.csv' }, 'da') // 'Demo (da)'
 */
export function entryName(entry: ExportEntry, lang: string): string {
  const named = entry.names && Object.hasOwn(entry.names, lang) ? entry.names[lang] : undefined;
  return typeof named === 'string' && named.trim() !== '' ? named : entry.name;
}

function isEntry(value: unknown): value is ExportEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, file } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof file === 'string' && id !== '';
}

export async function fetchExportIndex(signal?: AbortSignal, url: URL = exportsIndexUrl()): Promise<ExportIndex> {
  const response = await get(url, signal);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new FetchError('format', url.href, response.status, { cause: error });
  }
  const exports = (body as { exports?: unknown } | null)?.exports;
  if (!Array.isArray(exports) || !exports.every(isEntry)) {
    throw new FetchError('format', url.href, response.status);
  }
  return { exports };
}

/** The file's bytes, undecoded: the domain decides between UTF-8 and Windows-1252. */
export async function fetchExportFile(entry: ExportEntry, signal?: AbortSignal, indexUrl: URL = exportsIndexUrl()): Promise<Uint8Array> {
  const url = exportFileUrl(entry, indexUrl);
  const response = await get(url, signal);
  const tooLarge = (bytes: number) => {
    const refusal = sizeRefusal(bytes);
    return refusal && new FetchError('too-large', url.href, response.status, { refusal });
  };
  const declared = tooLarge(Number(response.headers.get('content-length')) || 0);
  if (declared) {
    // Not awaited: a server may keep sending; the refusal need not wait for it to stop.
    response.body?.cancel().catch(() => {});
    throw declared;
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  // A length may be missing (a compressed answer): count what arrives, and stop past the limit.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    const over = tooLarge(total);
    if (over) {
      reader.cancel().catch(() => {});
      throw over;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
