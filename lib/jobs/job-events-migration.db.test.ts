/*
 * The migrations after which a job's creation, its runs' starts and its success are read from its
 * row and from the events that ended its runs, no longer stored as events: on a database of the
 * suite's dialect holding jobs and events as the app wrote them before. Each job's history reads
 * back as it was.
 */
import { expect, it } from "vitest";
import { createDatabase } from "../db/client";
import { setupMigrationTest } from "../db/migration-test";
import { rawQuery } from "../db/testing";
import { JobQueue } from "./queue";

const FIRST = "20261130141500_job_events_told_by_rows";
const migration = setupMigrationTest(FIRST);

type OldEvent = [type: string, message: string | null, workerId: string | null, second: number];
interface OldJob {
  id: string;
  status: string;
  workerId: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  events: OldEvent[];
}

const JOBS: OldJob[] = [
  {
    id: "done",
    status: "succeeded",
    workerId: "w1",
    startedAt: 1,
    finishedAt: 5,
    events: [["queued", null, null, 0], ["started", "started on w1", "w1", 1], ["progress", "50% Half", "w1", 2], ["succeeded", null, "w1", 5]],
  },
  {
    id: "retried",
    status: "queued",
    workerId: null,
    startedAt: null,
    finishedAt: null,
    events: [["queued", null, null, 0], ["started", "started on w1", "w1", 1], ["failed", "boom", "w1", 2], ["queued", "retried on request", null, 3]],
  },
  {
    id: "released",
    status: "running",
    workerId: "w2",
    startedAt: 4,
    finishedAt: null,
    events: [
      ["queued", null, null, 0],
      ["started", "started on w1", "w1", 1],
      ["progress", "10% Load", "w1", 2],
      ["released", "released by a stopping worker", "w1", 3],
      ["started", "started on w2", "w2", 4],
      ["progress", "10% Load", "w2", 5],
    ],
  },
  {
    id: "expired",
    status: "failed",
    workerId: "w1",
    startedAt: 1,
    finishedAt: 6,
    events: [["queued", null, null, 0], ["started", "started on w1", "w1", 1], ["lease_expired", "worker w1 stopped responding and no attempts remain", null, 6]],
  },
  {
    id: "cancelled",
    status: "cancelled",
    workerId: null,
    startedAt: 1,
    finishedAt: 3,
    events: [["queued", null, null, 0], ["started", "started on w1", "w1", 1], ["retry_scheduled", "attempt 1 of 3 failed", "w1", 2], ["cancelled", "cancelled before it started", null, 3]],
  },
];

it("moves each run's start onto the event that ended it and reads every history back as it was", async () => {
  const { config, applyMigrations } = await migration.databaseBefore();
  const ms = (second: number) => Date.UTC(2026, 10, 1, 12, 0, second);
  const time = (second: number | null) =>
    second === null ? "NULL" : config.dialect === "sqlite" ? String(ms(second)) : `'${new Date(ms(second)).toISOString()}'::timestamp`;
  const text = (value: string | null) => (value === null ? "NULL" : `'${value}'`);
  for (const j of JOBS) {
    await rawQuery(
      config,
      `INSERT INTO jobs (id, kind, name, payload, status, attempts, worker_id, started_at, finished_at, created_at, updated_at)
       VALUES ('${j.id}', 'k', '${j.id}', '{}', '${j.status}', 1, ${text(j.workerId)}, ${time(j.startedAt)}, ${time(j.finishedAt)}, ${time(0)}, ${time(9)})`,
    );
    for (const [type, message, workerId, second] of j.events) {
      await rawQuery(config, `INSERT INTO job_events (job_id, type, message, worker_id, created_at) VALUES ('${j.id}', '${type}', ${text(message)}, ${text(workerId)}, ${time(second)})`);
    }
  }

  expect((await applyMigrations()).applied.slice(0, 2)).toEqual([FIRST, "20261130145832_job_event_run_started_at"]);

  const stored = await rawQuery<{ job_id: string; type: string }>(config, `SELECT job_id, type FROM job_events ORDER BY id`);
  expect(stored.filter((e) => ["started", "succeeded"].includes(e.type) || (e.type === "queued" && e.job_id !== "retried"))).toEqual([]);
  const { db } = createDatabase(config);
  const queue = config.dialect === "postgres" ? new JobQueue({ db, dialect: "postgres", connectionString: config.url }) : new JobQueue({ db, dialect: "sqlite" });
  try {
    for (const j of JOBS) {
      const history = (await queue.get(j.id))!.events.map((e) => [e.type, e.message, e.workerId, e.createdAt.getTime()]);
      // The run an expired lease ended now names the worker that ran it.
      const expected = j.events.map(([type, message, workerId, second]) => [type, message, type === "lease_expired" ? "w1" : workerId, ms(second)]);
      expect(history, j.id).toEqual(expected);
    }
  } finally {
    await queue.close();
    await db.$disconnect();
  }
}, 60_000);
