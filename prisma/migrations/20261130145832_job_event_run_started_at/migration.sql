-- AlterTable
ALTER TABLE "job_events" ADD COLUMN "run_started_at" DATETIME;


-- A run's start is read from the event that ended it (or, for the run a job is on or succeeded in,
-- from the job's row), no longer stored as a "started" event: each ending takes the start of its
-- run (the last "started" event before it with no other ending between) and its worker, then the
-- "started" events go.
UPDATE "job_events" SET
  "run_started_at" = (
    SELECT s."created_at" FROM "job_events" s
     WHERE s."job_id" = "job_events"."job_id" AND s."type" = 'started' AND s."id" < "job_events"."id"
       AND NOT EXISTS (
         SELECT 1 FROM "job_events" e
          WHERE e."job_id" = s."job_id" AND e."id" > s."id" AND e."id" < "job_events"."id"
            AND e."type" IN ('retry_scheduled', 'failed', 'cancelled', 'released', 'lease_expired'))
     ORDER BY s."id" DESC LIMIT 1),
  "worker_id" = COALESCE((
    SELECT s."worker_id" FROM "job_events" s
     WHERE s."job_id" = "job_events"."job_id" AND s."type" = 'started' AND s."id" < "job_events"."id"
       AND NOT EXISTS (
         SELECT 1 FROM "job_events" e
          WHERE e."job_id" = s."job_id" AND e."id" > s."id" AND e."id" < "job_events"."id"
            AND e."type" IN ('retry_scheduled', 'failed', 'cancelled', 'released', 'lease_expired'))
     ORDER BY s."id" DESC LIMIT 1), "worker_id")
 WHERE "type" IN ('retry_scheduled', 'failed', 'cancelled', 'released', 'lease_expired');
DELETE FROM "job_events" WHERE "type" = 'started';
