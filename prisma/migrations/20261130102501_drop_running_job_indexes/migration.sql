-- DropIndex
DROP INDEX "jobs_status_lease_expires_at_idx";

-- DropIndex
DROP INDEX "jobs_worker_id_idx";

