import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The e2e server's own SQLite file; tests also open it to record jobs directly. */
export const E2E_DB_DIR = process.env.E2E_DIR ?? path.join(os.tmpdir(), "tandem-e2e");
export const E2E_DB_FILE = path.join(E2E_DB_DIR, "e2e.db");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: "list",
  // Several e2e runs in one checkout (E2E_DIR set) each keep their own traces and screenshots.
  outputDir: process.env.E2E_DIR ? path.join(process.env.E2E_DIR, "results") : "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // A production build on a fresh database, with the e2e-only job kinds.
    command: `node -e "require('fs').rmSync(process.argv[1],{recursive:true,force:true})" ${E2E_DB_DIR} && npx tsx scripts/start.ts`,
    url: `http://localhost:${PORT}/signin`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${E2E_DB_FILE}`,
      TANDEM_DATA_DIR: path.join(E2E_DB_DIR, "data"),
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      TANDEM_TEST_JOB_KINDS: "1",
      JOBS_CONCURRENCY: "3",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      METRICS_TOKEN: "e2e-metrics-token",
      // Every test registers its own users, all from one address.
      REGISTRATION_LIMIT_PER_IP: "1000",
    },
  },
});
