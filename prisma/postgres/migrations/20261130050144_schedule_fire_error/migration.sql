-- AlterTable
ALTER TABLE "schedule_fires" ADD COLUMN     "error_message" TEXT;

