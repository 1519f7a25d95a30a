/*
 * A process that runs migrate() once, for lib/db/migrate.db.test.ts: several of these start together
 * to play several Tandem processes starting at once.
 *   node --import tsx lib/db/migrate.fixture.ts '<DatabaseConfig as JSON>' <root> <start at, epoch ms>
 * Prints the MigrateResult as JSON.
 */
import type { DatabaseConfig } from "./config";
import { migrate } from "./migrate";

const [configJson, root, startAt] = process.argv.slice(2);
if (!configJson || !root || !startAt) {
  console.error("usage: migrate.fixture.ts <config json> <root> <start at ms>");
  process.exit(2);
}
// Every process waits for the same instant, so their migrations really overlap.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const result = await migrate(JSON.parse(configJson) as DatabaseConfig, root);
process.stdout.write(JSON.stringify(result));
