-- AlterTable
ALTER TABLE "sign_in_attempt" ADD COLUMN     "client_key" TEXT NOT NULL DEFAULT 'unknown';

-- CreateTable
CREATE TABLE "sign_in_rejection" (
    "window_start" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "client_key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_rejection_pkey" PRIMARY KEY ("window_start","reason","client_key")
);

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_client_key_created_at_idx" ON "sign_in_attempt"("client_key", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_expires_at_idx" ON "sign_in_attempt"("expires_at");

