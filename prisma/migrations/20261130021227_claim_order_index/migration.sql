-- DropIndex
DROP INDEX "jobs_status_priority_run_at_idx";

-- CreateIndex
CREATE INDEX "jobs_status_priority_run_at_id_idx" ON "jobs"("status", "priority" DESC, "run_at", "id");

