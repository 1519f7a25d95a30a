/*
 * `npm test`: lint, typecheck, the Vitest suite on SQLite, the database suites on PostgreSQL
 * (when TEST_DATABASE_URL is set), the Playwright suite in the system Chromium, and a smoke run of
 * the benchmarks.
 * Stops at the first failing step, prints each step's time, and ends with one line
 * "N passed, N failed" that totals the tests of both Vitest runs and Playwright.
 *
 *   npx tsx scripts/test.ts --only=lint,typecheck     run some steps (lint, typecheck, unit, pg, e2e, bench-smoke)
 *   npx tsx scripts/test.ts --only=chaos              the slow fault and load tests (`npm run test:chaos`),
 *                                                     which run only when asked for
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Counts {
  passed: number;
  failed: number;
}

interface Step {
  id: string;
  title: string;
  command: string[];
  env?: Record<string, string>;
  /** Why the step cannot run (it then fails), checked just before it would start. */
  precondition?: () => string | null;
  /** A step that is not run, and why. */
  skipped?: string;
  /** The step's test counts, from the JSON report it was told to write. */
  counts?: () => Counts;
  /** Runs only when named in --only (the slow chaos suite). */
  onlyWhenAsked?: boolean;
}

const STEP_IDS = ["lint", "typecheck", "unit", "pg", "e2e", "bench-smoke", "chaos"];
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-test-reports-"));
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const postgresUrl = process.env.TEST_DATABASE_URL;

const vitestReport = (name: string) => {
  const file = path.join(reports, `${name}.json`);
  return {
    args: ["--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    counts: (): Counts => {
      const r = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
      return { passed: r.numPassedTests, failed: r.numFailedTests };
    },
  };
};
const sqliteReport = vitestReport("vitest-sqlite");
const postgresReport = vitestReport("vitest-postgres");
const chaosReport = vitestReport("vitest-chaos");
const e2eReport = path.join(reports, "playwright.json");

const steps: Step[] = [
  { id: "lint", title: "Lint (eslint .)", command: ["npx", "eslint", "."] },
  { id: "typecheck", title: "Typecheck (tsc --noEmit)", command: ["npx", "tsc", "--noEmit"] },
  {
    id: "unit",
    title: "Unit and database tests on SQLite (vitest run)",
    command: ["npx", "vitest", "run", ...sqliteReport.args],
    counts: sqliteReport.counts,
  },
  {
    id: "pg",
    title: "Database tests on PostgreSQL (npm run test:pg)",
    command: ["npm", "run", "--silent", "test:pg", "--", ...postgresReport.args],
    skipped: postgresUrl ? undefined : "PostgreSQL suite: skipped (set TEST_DATABASE_URL=postgresql://… to run it)",
    counts: postgresReport.counts,
  },
  {
    id: "e2e",
    title: "End-to-end tests in Chromium (playwright test)",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    precondition: () =>
      fs.existsSync(chromium)
        ? null
        : `Chromium not found at ${chromium}; install Debian's \`chromium\` package (apt-get install chromium) or set CHROMIUM_PATH`,
    counts: () => {
      const r = JSON.parse(fs.readFileSync(e2eReport, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
    },
  },
  {
    id: "bench-smoke",
    title: "Benchmarks at tiny sizes (npm run bench -- --smoke)",
    command: ["npm", "run", "--silent", "bench", "--", "--smoke"],
    // Serves the production build the e2e step has just made instead of building another.
    env: { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" },
  },
  {
    id: "chaos",
    title: "Fault, recovery and load tests on SQLite and PostgreSQL (vitest --config vitest.chaos.config.ts)",
    command: ["npx", "vitest", "run", "--config", "vitest.chaos.config.ts", ...chaosReport.args],
    precondition: () =>
      postgresUrl ? null : "the chaos suite needs TEST_DATABASE_URL=postgresql://… (it kills and restarts workers on PostgreSQL too)",
    counts: chaosReport.counts,
    onlyWhenAsked: true,
  },
];

const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const only = onlyArg ? onlyArg.slice("--only=".length).split(",").filter(Boolean) : null;
const unknown = only?.filter((id) => !STEP_IDS.includes(id)) ?? [];
if (only && (only.length === 0 || unknown.length > 0)) {
  console.error(`--only takes a comma-separated list of steps: ${STEP_IDS.join(", ")} (got "${onlyArg}")`);
  process.exit(2);
}

const timings: string[] = [];
const total: Counts = { passed: 0, failed: 0 };
const started = Date.now();

for (const step of steps) {
  if (only ? !only.includes(step.id) : step.onlyWhenAsked) continue;
  banner(step.title);
  if (step.skipped) {
    console.log(step.skipped);
    timings.push(`  ${step.id.padEnd(10)} skipped`);
    continue;
  }
  const problem = step.precondition?.();
  if (problem) {
    timings.push(`  ${step.id.padEnd(10)} not run`);
    total.failed += 1;
    finish(`✗ ${step.title}: ${problem}`, 1);
  }
  const stepStarted = Date.now();
  const run = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
  });
  const ok = run.status === 0;
  timings.push(`  ${step.id.padEnd(10)} ${seconds(Date.now() - stepStarted)}${ok ? "" : "  FAILED"}`);
  let stepFailures = 0;
  if (step.counts) {
    try {
      const counts = step.counts();
      total.passed += counts.passed;
      total.failed += counts.failed;
      stepFailures = counts.failed;
    } catch {
      // No report: the runner stopped before it ran the tests; the exit status says so.
    }
  }
  if (!ok) {
    // A step that failed without a failing test (lint, a crash, an error outside tests) counts as one failure.
    if (stepFailures === 0) total.failed += 1;
    const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit status ${run.status}`;
    finish(`✗ ${step.title} failed (${why}); later steps were not run.`, 1);
  }
}
finish("✓ all steps passed", 0);

function banner(title: string): void {
  console.log(`\n${"━".repeat(8)} ${title} ${"━".repeat(Math.max(8, 72 - title.length))}\n`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function finish(message: string, code: number): never {
  fs.rmSync(reports, { recursive: true, force: true });
  console.log(`\n${message}`);
  console.log(`\nTime per step (total ${seconds(Date.now() - started)}):\n${timings.join("\n")}\n`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(code);
}
