import { defineConfig, devices } from '@playwright/test';

/*
 * End-to-end tests against the built app (`npm run test:e2e` builds first),
 * served by `vite preview`. Browsers are not downloaded: Playwright drives an
 * installed Chromium, /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
 * E2E_PORT moves the preview server off 4173 when that port is taken.
 */
const PORT = Number(process.env.E2E_PORT) || 4173;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  // An axe scan of a whole view takes 15–20 s on two busy cores; the default 30 s is too close.
  timeout: 90_000,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'en-GB',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
});
