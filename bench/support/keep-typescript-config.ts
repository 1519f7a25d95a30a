import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

/**
 * `next build` with a build directory tsconfig.json does not list adds that directory's type
 * globs to tsconfig.json (rewriting the whole file) and points next-env.d.ts at it. The checkout
 * is shared, so after the bench's build both go back to what they were — tsconfig.json only when
 * those globs are its sole change (an edit made meanwhile by someone else is left alone).
 * Returns the function that puts them back.
 */
export function keepTypeScriptConfig(distDir: string, log: (m: string) => void): () => void {
  const tsconfig = path.join(process.cwd(), "tsconfig.json");
  const nextEnv = path.join(process.cwd(), "next-env.d.ts");
  const tsconfigBefore = fs.readFileSync(tsconfig, "utf8");
  const nextEnvBefore = fs.existsSync(nextEnv) ? fs.readFileSync(nextEnv, "utf8") : null;
  const prefix = `${distDir.replace(/^\.\//, "")}/`;

  return () => {
    const now = fs.readFileSync(tsconfig, "utf8");
    if (now !== tsconfigBefore) {
      if (onlyAddedGlobs(tsconfigBefore, now, prefix)) fs.writeFileSync(tsconfig, tsconfigBefore);
      else log(`tsconfig.json changed during the build beyond Next's ${prefix} globs; left as it is`);
    }
    if (nextEnvBefore === null) fs.rmSync(nextEnv, { force: true });
    else if (fs.readFileSync(nextEnv, "utf8") !== nextEnvBefore) fs.writeFileSync(nextEnv, nextEnvBefore);
  };
}

function onlyAddedGlobs(before: string, after: string, prefix: string): boolean {
  try {
    const b = JSON.parse(before) as { include?: string[] };
    const a = JSON.parse(after) as { include?: string[] };
    a.include = a.include?.filter((glob) => b.include?.includes(glob) || !glob.startsWith(prefix));
    return isDeepStrictEqual(a, b);
  } catch {
    return false;
  }
}
