/*
 * Workers that run under the page's Content Security Policy.
 *
 * A worker started from its own script URL takes the policy of that
 * script's response headers: on a plain static server there is none, and
 * the worker could fetch any host. A worker started from a blob: URL
 * inherits the policy of the document that made it (HTML: a worker whose
 * URL is local clones its owner's policy container), meta tag included.
 * So the page starts each worker from a one-line blob that imports the
 * real, bundled script: the import is checked against the inherited
 * script-src, the script keeps its own URL for its relative imports
 * (`import.meta.url`: chunks, the solver's WebAssembly), and every fetch
 * it makes is checked against the page's connect-src.
 */

/**
 * A module worker for `url` (a `?worker&url` import) that inherits the page's policy.
 * @example confinedWorker(analysisUrl, 'sagsflow-analysis')
 */
export function confinedWorker(url: string, name: string): Worker {
  const script = new URL(url, document.baseURI).href;
  const bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};\n`], { type: 'text/javascript' }));
  const worker = new Worker(bootstrap, { type: 'module', name });
  // The constructor resolves the blob in Chromium, but an engine may fetch it later: revoke once it surely has
  // (the blob is one line naming a script of this origin, nothing of the person's).
  setTimeout(() => URL.revokeObjectURL(bootstrap), 30_000);
  return worker;
}
