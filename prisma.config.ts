// Prisma CLI configuration: the JS schema engine over a driver adapter, so `generate`,
// `migrate diff` and SQLite migrations never download a native engine.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const file = process.env.PRISMA_SQLITE_FILE ?? path.join(process.cwd(), "data", "tandem.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  // A fresh clone has no data/ yet; without it `npm run db:migration` fails with "External error id#0".
  adapter: async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${file}` });
  },
});
