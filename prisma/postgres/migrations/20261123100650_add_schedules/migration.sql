-- CreateTable
CREATE TABLE "schedules" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "symbols" JSONB NOT NULL,
    "watchlist_id" TEXT,
    "options" JSONB NOT NULL,
    "cron" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "missed_policy" TEXT NOT NULL DEFAULT 'skip',
    "last_fire_at" TIMESTAMP(3),
    "next_fire_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedule_fires" (
    "schedule_id" TEXT NOT NULL,
    "fire_at" TIMESTAMP(3) NOT NULL,
    "batch_id" TEXT,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_fires_pkey" PRIMARY KEY ("schedule_id","fire_at")
);

-- CreateIndex
CREATE INDEX "schedules_enabled_next_fire_at_idx" ON "schedules"("enabled", "next_fire_at");

-- CreateIndex
CREATE INDEX "schedules_owner_id_created_at_idx" ON "schedules"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "schedule_fires_batch_id_idx" ON "schedule_fires"("batch_id");

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_fires" ADD CONSTRAINT "schedule_fires_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

