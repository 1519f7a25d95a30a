-- The owner's indexes hold only jobs with an owner (PARTIAL_INDEXES in scripts/prisma-schemas.ts):
-- every query that reads them asks for one owner's jobs, and a job enqueued without an owner (by
-- code, not by a user) no longer writes entries in them when it is enqueued, claimed and completed.

DROP INDEX "jobs_owner_id_status_created_at_id_idx";
CREATE INDEX "jobs_owner_id_status_created_at_id_idx" ON "jobs"("owner_id", "status", "created_at", "id") WHERE "owner_id" IS NOT NULL;

DROP INDEX "jobs_owner_id_finished_at_idx";
CREATE INDEX "jobs_owner_id_finished_at_idx" ON "jobs"("owner_id", "finished_at") WHERE "finished_at" IS NOT NULL AND "owner_id" IS NOT NULL;
