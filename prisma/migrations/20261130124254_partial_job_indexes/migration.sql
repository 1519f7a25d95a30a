-- Indexes that hold only the jobs their queries ask for (PARTIAL_INDEXES in scripts/prisma-schemas.ts):
-- a job's claim and completion no longer rewrite its entries in them.

DROP INDEX "jobs_status_priority_run_at_id_idx";
CREATE INDEX "jobs_status_priority_run_at_id_idx" ON "jobs"("status", "priority" DESC, "run_at", "id") WHERE "status" = 'queued';

DROP INDEX "jobs_owner_id_idempotency_key_key";
CREATE UNIQUE INDEX "jobs_owner_id_idempotency_key_key" ON "jobs"("owner_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL;

DROP INDEX "jobs_batch_id_idx";
CREATE INDEX "jobs_batch_id_idx" ON "jobs"("batch_id") WHERE "batch_id" IS NOT NULL;

DROP INDEX "jobs_finished_at_idx";
CREATE INDEX "jobs_finished_at_idx" ON "jobs"("finished_at") WHERE "finished_at" IS NOT NULL;

DROP INDEX "jobs_owner_id_finished_at_idx";
CREATE INDEX "jobs_owner_id_finished_at_idx" ON "jobs"("owner_id", "finished_at") WHERE "finished_at" IS NOT NULL;
