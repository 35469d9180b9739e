-- AlterTable
ALTER TABLE "session" ADD COLUMN     "groups_checked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "groups_refresh_claimed_at" TIMESTAMP(3);

