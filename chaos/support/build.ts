/*
 * The chaos suite runs the real server (`scripts/start.ts`, i.e. `next start` with its in-process
 * worker), which needs a production build. The build in NEXT_DIST_DIR (default .next, which
 * `npm test`'s e2e step has just made in CI) is reused when it is newer than the sources;
 * otherwise the first server start of the run builds it once (`next build`), before the server is
 * spawned, so a server never builds while a test waits for it and tests without a server never build.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { needsBuild } from "../../scripts/needs-build";
import { ROOT } from "./root";

export function ensureBuild(): void {
  if (!needsBuild(ROOT)) return;
  console.log(`[chaos] building the app into ${process.env.NEXT_DIST_DIR ?? ".next"} (no build, or sources newer than it)…`);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.signal ?? build.status})`);
}
