/*
 * The migration after which a job's creation and success are read from its row, not stored as
 * events: on a database of the suite's dialect holding jobs and events written before it.
 */
import { expect, it } from "vitest";
import { createDatabase } from "../db/client";
import { setupMigrationTest } from "../db/migration-test";
import { JobQueue } from "./queue";

const MIGRATION = "20261130141500_job_events_told_by_rows";

const migration = setupMigrationTest(MIGRATION);

it("removes the stored events the rows tell, and keeps the rest in order", async () => {
  const { config, applyMigration } = await migration.databaseBefore();
  const { db } = createDatabase(config);
  const queue = config.dialect === "postgres" ? new JobQueue({ db, dialect: "postgres", connectionString: config.url }) : new JobQueue({ db, dialect: "sqlite" });
  try {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s));
    const job = (id: string, status: string, finishedAt: Date | null) =>
      db.job.create({ data: { id, kind: "k", name: id, payload: {}, status, attempts: 1, workerId: "w1", createdAt: at(0), updatedAt: at(9), startedAt: at(1), finishedAt } });
    await job("done", "succeeded", at(5));
    await job("retried", "queued", null);
    const events: [string, string, string | null, string | null, number][] = [
      ["done", "queued", null, null, 0],
      ["done", "started", "started on w1", "w1", 1],
      ["done", "progress", "50% Half", "w1", 2],
      ["done", "succeeded", null, "w1", 5],
      ["retried", "queued", null, null, 0],
      ["retried", "started", "started on w1", "w1", 1],
      ["retried", "failed", "boom", "w1", 2],
      ["retried", "queued", "retried on request", null, 3],
    ];
    for (const [jobId, type, message, workerId, s] of events) await db.jobEvent.create({ data: { jobId, type, message, workerId, createdAt: at(s) } });

    expect((await applyMigration()).applied).toEqual([MIGRATION]);

    const stored = await db.jobEvent.findMany({ orderBy: { id: "asc" } });
    expect(stored.map((e) => [e.jobId, e.type])).toEqual([
      ["done", "started"],
      ["done", "progress"],
      ["retried", "started"],
      ["retried", "failed"],
      ["retried", "queued"],
    ]);
    // Read back, each job's history is what it was.
    const history = async (id: string) => (await queue.get(id))!.events.map((e) => [e.type, e.message, e.workerId, e.createdAt.getTime()]);
    for (const id of ["done", "retried"]) {
      expect(await history(id)).toEqual(events.filter((e) => e[0] === id).map(([, type, message, workerId, s]) => [type, message, workerId, at(s).getTime()]));
    }
  } finally {
    await queue.close();
    await db.$disconnect();
  }
}, 60_000);
