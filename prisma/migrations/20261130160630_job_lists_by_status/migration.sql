-- DropIndex
DROP INDEX "jobs_owner_id_created_at_id_idx";

-- DropIndex
DROP INDEX "jobs_owner_id_status_created_at_idx";

-- DropIndex
DROP INDEX "jobs_created_at_id_idx";

-- CreateIndex
CREATE INDEX "jobs_owner_id_status_created_at_id_idx" ON "jobs"("owner_id", "status", "created_at", "id");

