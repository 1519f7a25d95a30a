import path from "node:path";
import { defineConfig } from "vitest/config";

// TEST_DIALECT=postgres runs only the database suites (*.db.test.ts) against PostgreSQL.
const postgres = process.env.TEST_DIALECT === "postgres";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: postgres ? ["**/*.db.test.ts"] : ["**/*.test.ts"],
    // *.chaos.test.ts are the slow fault and load tests: `npm run test:chaos` (vitest.chaos.config.ts).
    exclude: ["node_modules/**", "e2e/**", ".next*/**", "lib/db/generated/**", "bench/**", "**/*.chaos.test.ts"],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
