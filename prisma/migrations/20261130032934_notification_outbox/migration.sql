-- CreateTable
CREATE TABLE "notification_message" (
    "id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "recipient_id" TEXT,
    "recipient_address" TEXT,
    "recipient_name" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "request_id" TEXT,
    "digest_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" TEXT NOT NULL,
    "request_updates" BOOLEAN NOT NULL DEFAULT true,
    "approvals" BOOLEAN NOT NULL DEFAULT true,
    "approval_digest" BOOLEAN NOT NULL DEFAULT false,
    "tenant_changes" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "notification_message_status_created_at_idx" ON "notification_message"("status", "created_at");

-- CreateIndex
CREATE INDEX "notification_message_recipient_id_created_at_idx" ON "notification_message"("recipient_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_message_request_id_idx" ON "notification_message"("request_id");

-- AlterTable
ALTER TABLE "notification_message" ADD COLUMN     "dedupe_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "notification_message_dedupe_key_key" ON "notification_message"("dedupe_key");

