// End-to-end tests: Playwright Test driving Debian's /usr/bin/chromium against the Chromium shell
// (started headless per test file with a temporary SCAN_STATION_HOME). Never `playwright install`.
import { defineConfig } from '@playwright/test';

export const chromiumArgs = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.SCAN_STATION_BROWSER ?? '/usr/bin/chromium', args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium-shell', testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron-smoke', testMatch: /electron\.spec\.ts$/ },
  ],
});
