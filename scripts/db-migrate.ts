// Applies pending migrations to the configured database (DATABASE_URL, default ./data/tandem.db).
import { migrate } from "../lib/db/migrate";
import { databaseConfig } from "../lib/db/config";

const config = databaseConfig();
const { applied, alreadyApplied } = await migrate(config);
const where = config.dialect === "sqlite" ? config.file : "PostgreSQL";
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
    : `${where} is up to date (${alreadyApplied} migration(s) applied before)`,
);
