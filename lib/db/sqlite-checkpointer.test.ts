import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer } from "./sqlite-checkpointer";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A WAL-mode file whose writer never checkpoints; `batches` × 100 KB of rows written to it. */
function writeWithoutCheckpoints(batches = 40): { file: string; db: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-checkpoint-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE t (v TEXT)");
  const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
  for (let i = 0; i < batches; i++) db.transaction(() => { for (let j = 0; j < 100; j++) insert.run("x".repeat(1_000)); })();
  return { file, db };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe("startCheckpointer", () => {
  it("copies the write-ahead log into the database file on its own thread", async () => {
    const { file, db } = writeWithoutCheckpoints();
    const before = fs.statSync(file).size;
    const checkpointer = startCheckpointer(file);
    await settle();
    await checkpointer.stop();
    expect(before).toBeLessThan(100_000);
    expect(fs.statSync(file).size).toBeGreaterThan(4_000_000);
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 4_000 });
    db.close();
  });

  it("leaves a log of fewer than 1,000 pages for later: each checkpoint costs an fsync", async () => {
    const { file, db } = writeWithoutCheckpoints(2);
    const checkpointer = startCheckpointer(file);
    await settle();
    await checkpointer.stop();
    expect(fs.statSync(file).size).toBeLessThan(100_000);
    db.close();
  });

  it("leaves the log alone without it (the writer's own checkpoints are off)", async () => {
    const { file, db } = writeWithoutCheckpoints();
    await settle();
    expect(fs.statSync(file).size).toBeLessThan(100_000);
    db.close();
  });

  it("lets a process whose last act is stopping it exit normally", () => {
    const { file, db } = writeWithoutCheckpoints();
    db.close();
    const script = path.join(path.dirname(file), "stop.mts");
    const checkpointer = path.join(import.meta.dirname, "sqlite-checkpointer.ts");
    fs.writeFileSync(script, `import { startCheckpointer } from ${JSON.stringify(checkpointer)};\nawait startCheckpointer(${JSON.stringify(file)}).stop();\nconsole.log("stopped");\n`);
    const child = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    expect({ status: child.status, stdout: child.stdout.trim() }).toEqual({ status: 0, stdout: "stopped" });
  });
});
