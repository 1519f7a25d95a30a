-- AlterTable
ALTER TABLE "job_events" ADD COLUMN "run_started_at" DATETIME;

-- A run's start is read from the event that ended it (or, for the run a job is on or succeeded in,
-- from the job's row), no longer stored as a "started" event: each ending takes the start and the
-- worker of its run (the last "started" event before it, with no ending between), then the
-- "started" events go.
UPDATE "job_events" SET "run_started_at" = "run"."started_at", "worker_id" = COALESCE("run"."worker_id", "job_events"."worker_id")
  FROM (
    SELECT "e"."id" AS "ending_id", "s"."created_at" AS "started_at", "s"."worker_id" AS "worker_id"
      FROM "job_events" "e"
      JOIN "job_events" "s" ON "s"."job_id" = "e"."job_id" AND "s"."type" = 'started' AND "s"."id" < "e"."id"
     WHERE "e"."type" IN ('retry_scheduled', 'failed', 'cancelled', 'released', 'lease_expired')
       AND NOT EXISTS (
         SELECT 1 FROM "job_events" "x"
          WHERE "x"."job_id" = "e"."job_id" AND "x"."id" > "s"."id" AND "x"."id" < "e"."id"
            AND "x"."type" IN ('started', 'retry_scheduled', 'failed', 'cancelled', 'released', 'lease_expired'))) AS "run"
 WHERE "job_events"."id" = "run"."ending_id";
DELETE FROM "job_events" WHERE "type" = 'started';
