// Everything a server needs before it starts: the session secret and an up-to-date database.
import { authSecret } from "../lib/auth/secret";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";

export async function prepare(): Promise<void> {
  authSecret();
  const config = databaseConfig();
  const { applied } = await migrate(config);
  const where = config.dialect === "sqlite" ? config.file : "PostgreSQL";
  console.log(applied.length ? `[tandem] applied ${applied.join(", ")} to ${where}` : `[tandem] database ${where} is up to date`);
}

if (import.meta.url === `file://${process.argv[1]}`) await prepare();
