import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// BASE lets a municipality host Sagsflow under any intranet path.
const base = process.env.SAGSFLOW_BASE ?? './';

/**
 * The dev server injects component CSS as <style> elements for hot reload,
 * which index.html's CSP (style-src 'self') forbids. Relax it for `vite`
 * only; `vite build` keeps the strict policy.
 */
function devStyleCsp(): Plugin {
  return {
    name: 'sagsflow-dev-style-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

/**
 * public/mockServiceWorker.js serves msw in the dev server (`?mock=1`); the
 * build never registers it, so it is left out of dist.
 */
function noMockWorkerInBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'sagsflow-no-mock-worker-in-build',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle: () => rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true }),
  };
}

export default defineConfig({
  base,
  plugins: [svelte(), svelteTesting(), devStyleCsp(), noMockWorkerInBuild()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      // src/domain is pure: its modules only declare (no module does anything
      // when imported). Telling the bundler so lets a module that is only
      // re-exported, and not used, stay out of a chunk: the overview imports
      // report.ts for its groups, not the rejections' CSV it re-exports.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]domain[\\/]/.test(id) },
      output: {
        codeSplitting: {
          // The bundler would cut what the first screen and the lazily loaded
          // views share into a dozen small chunks, each a request before the
          // first paint. A group takes a module with everything it imports:
          // the first screen comes as one chunk, the frame of an analysed
          // export's views as another (fetched while the worker analyses),
          // and each view stays a chunk of its own (viewModules.ts).
          groups: [
            { name: 'first', test: /[\\/]src[\\/]main\.ts$/, priority: 2 },
            { name: 'views', test: /[\\/]src[\\/]app[\\/]pages[\\/]Views\.svelte$/, priority: 1 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/domain/**/*.test.ts', 'tests/charts/**/*.test.ts', 'tests/app/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    // Domain tests run in Node; component tests opt into jsdom per file (`// @vitest-environment jsdom`).
    environment: 'node',
    // What jsdom lacks that the components use (a ResizeObserver that observes nothing).
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
  },
});
