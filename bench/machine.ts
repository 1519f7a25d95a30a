import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { query } from "./support/postgres";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string | null;
  sqlite: string;
  packages: Record<string, string>;
}

/** Packages whose versions every figure depends on: the peers, the drivers, the app's stack. */
const PACKAGES = ["graphile-worker", "pg-boss", "plainjob", "pg", "better-sqlite3", "@prisma/client", "next", "react", "vega"];

export async function describeMachine(postgresUrl: string | null): Promise<Machine> {
  const sqlite = new Database(":memory:");
  const sqliteVersion = (sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  sqlite.close();
  const postgres = postgresUrl ? (await query<{ server_version: string }>(postgresUrl, "SHOW server_version"))[0]!.server_version : null;
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    postgres,
    sqlite: sqliteVersion,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)])),
  };
}

function packageVersion(name: string): string {
  const file = path.join(process.cwd(), "node_modules", name, "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

export function machineLines(m: Machine): string[] {
  return [
    `- CPU: ${m.cores} cores, ${m.cpu}`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- OS: ${m.os}`,
    `- Node ${m.node}; PostgreSQL ${m.postgres ?? "not used"}; SQLite ${m.sqlite} (better-sqlite3)`,
    `- Packages: ${Object.entries(m.packages).map(([name, v]) => `${name} ${v}`).join(", ")}`,
  ];
}

/** One line naming the machine, for a figure measured on a different one than the rest. */
export function machineSummary(m: Machine): string {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres ?? "–"}, SQLite ${m.sqlite}`;
}
