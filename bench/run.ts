/*
 * `npm run bench`: runs every comparison in bench/comparisons.ts on this machine, prints its
 * tables, renders its charts into bench/results/ and writes BENCHMARKS.md. Speed targets are
 * reported here, never asserted.
 *
 *   npm run bench -- --smoke                  tiny sizes: fails if a comparison breaks; writes nothing
 *   npm run bench -- --only=registry,…        some comparisons (the others keep their last figures)
 *
 * PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server on which the comparisons
 * create and drop their own databases. A full run needs it; --smoke skips PostgreSQL without it.
 * The app is built into NEXT_DIST_DIR (default .next-bench) and served on a free port from 3301.
 * BENCH_CPU_PROFILE_DIR=DIR writes a CPU profile of every child process (systems under test) there.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Comparison } from "./comparison";
import { COMPARISONS } from "./comparisons";
import { describeMachine, machineLines } from "./machine";
import { renderBenchmarks } from "./report/benchmarks-md";
import { renderSvg } from "./report/render-svg";
import { loadResults, RESULTS_DIR, saveResult } from "./report/results-store";
import { textTable } from "./report/tables";

const smoke = process.argv.includes("--smoke");
const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const only = onlyArg ? onlyArg.slice("--only=".length).split(",").filter(Boolean) : null;
const names = COMPARISONS.map((c) => c.name);
const unknown = process.argv.slice(2).filter((a) => a !== "--smoke" && a !== onlyArg);
if (unknown.length > 0 || (only && (only.length === 0 || only.some((n) => !names.includes(n))))) {
  console.error(`usage: npm run bench -- [--smoke] [--only=${names.join(",")}]`);
  process.exit(2);
}
const selected: Comparison[] = only ? COMPARISONS.filter((c) => only.includes(c.name)) : COMPARISONS;

const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
if (!smoke && !postgresUrl && selected.some((c) => c.usesPostgres)) {
  console.error("A full run compares against PostgreSQL peers: set BENCH_DATABASE_URL=postgresql://… (a server where it may create databases).");
  process.exit(2);
}

const machine = await describeMachine(postgresUrl);
console.log(`Machine:\n${machineLines(machine).join("\n")}`);
const chartsDir = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-charts-")) : RESULTS_DIR;
fs.mkdirSync(chartsDir, { recursive: true });

const failed: string[] = [];
for (const comparison of selected) {
  console.log(`\n${"━".repeat(8)} ${comparison.title}${smoke ? " (smoke)" : ""} ${"━".repeat(Math.max(8, 70 - comparison.title.length))}\n`);
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  try {
    const result = await comparison.run({ smoke, postgresUrl, log: (m) => console.log(`  ${m}`) });
    for (const table of result.tables) console.log(`\n${table.title}\n${textTable(table)}`);
    for (const chart of result.charts) fs.writeFileSync(path.join(chartsDir, chart.file), await renderSvg(chart.spec));
    const notes = result.notes.filter(Boolean);
    if (notes.length > 0 && !smoke) console.log(`\n${notes.join("\n\n")}`);
    const durationS = (Date.now() - started) / 1000;
    const load = { start: loadAtStart, end: os.loadavg()[0]! };
    console.log(`\n${comparison.name}: done in ${durationS.toFixed(1)} s (load average ${load.start.toFixed(1)} at start, ${load.end.toFixed(1)} at end)`);
    if (!smoke) {
      saveResult({
        name: comparison.name,
        title: comparison.title,
        method: comparison.method,
        measuredAt: new Date().toISOString(),
        durationS,
        load,
        machine,
        tables: result.tables,
        charts: result.charts.map(({ file, title }) => ({ file, title })),
        notes,
      });
    }
  } catch (err) {
    failed.push(comparison.name);
    console.error(`\n✗ ${comparison.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

if (smoke) fs.rmSync(chartsDir, { recursive: true, force: true });
else {
  fs.writeFileSync(path.join(process.cwd(), "BENCHMARKS.md"), renderBenchmarks(loadResults(COMPARISONS)));
  console.log(`\nWrote BENCHMARKS.md and charts in ${path.relative(process.cwd(), RESULTS_DIR)}/`);
}
if (failed.length > 0) {
  console.error(`\n✗ ${failed.length} comparison(s) failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log(`\n✓ ${selected.length} comparison(s) ran${smoke ? " (smoke: figures not recorded)" : ""}`);
process.exit(0);
