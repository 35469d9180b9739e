-- CreateEnum
CREATE TYPE "change_request_status" AS ENUM ('pending', 'approved', 'rejected', 'cancelled', 'expired', 'applying', 'applied', 'failed');

-- CreateTable
CREATE TABLE "change_request" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "change_request_status" NOT NULL DEFAULT 'pending',
    "cluster_resource_id" TEXT,
    "tenant_id" TEXT,
    "payload" JSONB NOT NULL,
    "justification" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "requester_name" TEXT NOT NULL,
    "requester_upn" TEXT,
    "decide_by" TIMESTAMP(3),
    "decided_by_id" TEXT,
    "decided_by_name" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_comment" TEXT,
    "correlation_id" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "progress" JSONB,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "applied_at" TIMESTAMP(3),

    CONSTRAINT "change_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "change_request_number_key" ON "change_request"("number");

-- CreateIndex
CREATE UNIQUE INDEX "change_request_correlation_id_key" ON "change_request"("correlation_id");

-- CreateIndex
CREATE INDEX "change_request_status_created_at_idx" ON "change_request"("status", "created_at");

-- CreateIndex
CREATE INDEX "change_request_requester_id_created_at_idx" ON "change_request"("requester_id", "created_at");

-- CreateIndex
CREATE INDEX "change_request_tenant_id_created_at_idx" ON "change_request"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "change_request_cluster_resource_id_created_at_idx" ON "change_request"("cluster_resource_id", "created_at");

