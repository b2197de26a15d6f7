// Playwright drives Debian's Chromium (never a downloaded browser) against the loopback host.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  // A web-first assertion waits until it holds; the wait is a hang guard, not a speed target (a
  // lock or an opened package can take 10 s on a busy machine). Speed lives in `npm run bench`.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // Two worker processes (the CI machine has two cores): each has its own back ends, ports and temp
  // directories (test/e2e/fixtures.ts); the tests of one file stay in order in one worker.
  workers: 2,
  reporter: [['list']],
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
