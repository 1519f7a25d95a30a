/*
 * `npm start`: prepare the database and secret, build the app when the sources are newer than the
 * last build, then run `next start` (which also runs the job workers, see instrumentation.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { workersEnabled } from "../lib/queue/workers-enabled";
import { needsBuild } from "./needs-build";
import { prepare } from "./prepare";

const root = process.cwd();
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// With workers in this process, instrumentation.ts drains them on SIGTERM before exiting.
if (workersEnabled()) process.env.NEXT_MANUAL_SIG_HANDLE = "true";
await prepare();

if (needsBuild(root)) {
  console.log("[tandem] building the app (first start or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
