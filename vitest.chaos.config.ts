import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:chaos`: tests that kill processes, restart PostgreSQL and load the machine. One file
// at a time, so a test's faults never land on another's processes.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.chaos.test.ts"],
    exclude: ["node_modules/**", ".next*/**", "lib/db/generated/**"],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
  },
});
