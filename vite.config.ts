import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// BASE lets a municipality host Sagsflow under any intranet path.
const base = process.env.SAGSFLOW_BASE ?? './';

export default defineConfig({
  base,
  plugins: [svelte(), svelteTesting()],
  worker: { format: 'es' },
  test: {
    include: ['tests/domain/**/*.test.ts', 'tests/charts/**/*.test.ts', 'tests/app/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
