import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// GP_E2E_PORT lets two suites run side by side on one machine.
const PORT = Number(process.env.GP_E2E_PORT ?? 3210);

// One fresh data folder per run. The config is read again in each worker: the environment
// variable makes them all agree on the folder the main process chose.
process.env.GROEIPAD_E2E_DATA_DIR ??= path.resolve('.tmp', `e2e-${Date.now()}`);
const dataDir = process.env.GROEIPAD_E2E_DATA_DIR;
fs.mkdirSync(dataDir, { recursive: true });

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // `npm test` reads the JSON report for its closing line of counts.
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as ['json']] : []),
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The web app must be built first (npm run build -w @groeipad/web); this only starts the API.
    command: `node ${process.env.GROEIPAD_E2E_API_ENTRY ?? 'apps/api/src/main.ts'}`,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      GROEIPAD_DATA_DIR: dataDir,
      // GP_E2E_WEB_DIST: a web build of one's own, so two suites on one machine do not share apps/web/dist.
      WEB_DIST_DIR: process.env.GP_E2E_WEB_DIST ?? path.resolve('apps/web/dist'),
      LOG_LEVEL: 'warn',
      GROEIPAD_DEMO: 'true',
    },
  },
});
