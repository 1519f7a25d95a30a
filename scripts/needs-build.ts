import fs from "node:fs";
import path from "node:path";

/** Sources whose change makes the production build stale. */
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "proxy.ts", "instrumentation.ts"];

/** Whether `next build` must run first: no build in NEXT_DIST_DIR (default .next) or sources newer than it. */
export function needsBuild(root: string, distDir = process.env.NEXT_DIST_DIR ?? ".next"): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newerThan(path.join(root, s), built));
}

function newerThan(p: string, time: number): boolean {
  if (!fs.existsSync(p)) return false;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  if (p.endsWith(path.join("lib", "db", "generated"))) return false;
  return fs.readdirSync(p).some((e) => newerThan(path.join(p, e), time));
}
