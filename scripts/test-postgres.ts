/*
 * `npm run test:pg`: the database suites (*.db.test.ts) against the PostgreSQL server in
 * TEST_DATABASE_URL (TEST_DIALECT=postgres; see vitest.config.ts). Each test file creates its own
 * throwaway databases on that server. Fails — never skips — when the server cannot be reached.
 * Extra arguments go to `vitest run` (e.g. `npm run test:pg -- lib/jobs`).
 */
import { spawnSync } from "node:child_process";
import pg from "pg";

const EXAMPLE = "postgresql://postgres@127.0.0.1:5432/test";
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.error(`TEST_DATABASE_URL is not set. Point it at a PostgreSQL server the tests may create databases on, e.g.\n  TEST_DATABASE_URL=${EXAMPLE} npm run test:pg`);
  process.exit(2);
}
if (!/^postgres(ql)?:\/\//i.test(url)) {
  console.error(`TEST_DATABASE_URL must be a postgres:// or postgresql:// URL (got "${url.split(":")[0]}:…"), e.g. ${EXAMPLE}`);
  process.exit(2);
}

const where = describe(url);
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  const { rows } = await client.query<{ version: string; cancreate: boolean }>(
    `SELECT current_setting('server_version') AS version,
            (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS cancreate`,
  );
  if (!rows[0]?.cancreate) {
    console.error(`PostgreSQL at ${where}: the user may not create databases (the tests need CREATEDB).`);
    process.exit(2);
  }
  console.log(`PostgreSQL ${rows[0].version} at ${where}`);
} catch (err) {
  console.error(`Cannot use PostgreSQL at ${where}: ${errorText(err)}`);
  console.error("Start the server, or fix TEST_DATABASE_URL, and run again.");
  process.exit(2);
} finally {
  await client.end().catch(() => {});
}

const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_DIALECT: "postgres" },
});
process.exit(run.status ?? 1);

/** host:port/database, without the credentials. */
function describe(u: string): string {
  try {
    const parsed = new URL(u);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "TEST_DATABASE_URL (not a valid URL)";
  }
}

/** Node reports a refused connection to several addresses as an AggregateError with no message. */
function errorText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return err.errors.map(errorText).join("; ");
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return err.message || code || err.name;
  }
  return String(err);
}
