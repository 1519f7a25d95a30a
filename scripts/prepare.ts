// Everything a server needs before it starts: the session secret, an up-to-date database and the sample datasets.
import { authSecret } from "../lib/auth/secret";
import { createDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { ensureSampleDatasets } from "../lib/datasets/sample-datasets";
import { JobQueue } from "../lib/jobs";

export async function prepare(): Promise<void> {
  authSecret();
  const config = databaseConfig();
  const { applied } = await migrate(config);
  const where = config.dialect === "sqlite" ? config.file : "PostgreSQL";
  console.log(applied.length ? `[tandem] applied ${applied.join(", ")} to ${where}` : `[tandem] database ${where} is up to date`);

  const { db } = createDatabase(config);
  const queue = config.dialect === "postgres" ? new JobQueue({ db, dialect: "postgres", connectionString: config.url }) : new JobQueue({ db, dialect: "sqlite" });
  try {
    const added = await ensureSampleDatasets(db, queue);
    if (added.length) console.log(`[tandem] importing sample data: ${added.join("; ")}`);
  } finally {
    await queue.close({ graceMs: 0 });
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepare();
