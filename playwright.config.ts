import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir } from "./e2e/support/emulator-control";

/**
 * E2E against a production build (`next build` happens before, in `npm test` or by hand) served by
 * the same launcher a user runs, with a throw-away database. Browsers cannot be downloaded here, so
 * we launch Debian's Chromium; set PLAYWRIGHT_CHROMIUM_PATH="" to use Playwright's own browsers.
 * The server gets its own data folder (test-results/e2e-data): the emulator writes its CA and
 * endpoints.json there, where specs find its control API, and a developer's data/ is left alone.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : "list",
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath || undefined,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `node --conditions=react-server --import tsx scripts/serve.ts --production --local --test-database --port ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Let the launcher stop Next.js and drop or stop its throw-away database (the default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    // TEST_DATABASE_URL is cleared so that the portal runs on what a newcomer gets: the embedded
    // PostgreSQL server (a throw-away one here), whatever database the other test layers use.
    // CLUSTERDESK_TEST_HOOKS: test-only endpoints (app/api/test-hooks), e.g. a grant's end moved to now.
    env: { NEXT_TELEMETRY_DISABLED: "1", CLUSTERDESK_BASE_URL: `http://localhost:${port}`, CLUSTERDESK_DATA_DIR: e2eDataDir, TEST_DATABASE_URL: "", CLUSTERDESK_TEST_HOOKS: "true" },
  },
});
