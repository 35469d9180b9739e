-- CreateEnum
CREATE TYPE "cluster_exposure" AS ENUM ('private', 'authorized_ranges', 'open');

-- CreateEnum
CREATE TYPE "inventory_sync_status" AS ENUM ('queued', 'running', 'succeeded', 'partial', 'failed');

-- CreateTable
CREATE TABLE "inventory_cluster" (
    "key" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "resource_group" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "kubernetes_version" TEXT,
    "provisioning_state" TEXT NOT NULL,
    "power_state" TEXT NOT NULL,
    "exposure" "cluster_exposure" NOT NULL,
    "node_pool_count" INTEGER NOT NULL,
    "node_count" INTEGER NOT NULL,
    "posture_score" INTEGER NOT NULL,
    "failing_high" INTEGER NOT NULL,
    "failing_medium" INTEGER NOT NULL,
    "failing_low" INTEGER NOT NULL,
    "unknown_findings" INTEGER NOT NULL,
    "cluster" JSONB NOT NULL,
    "posture" JSONB NOT NULL,
    "admin_group_names" JSONB NOT NULL,
    "nodes" JSONB,
    "api_server_reachable" BOOLEAN NOT NULL,
    "api_server_error" TEXT,
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inventory_cluster_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "inventory_subscription" (
    "id" TEXT NOT NULL,
    "display_name" TEXT,
    "cluster_count" INTEGER NOT NULL DEFAULT 0,
    "last_status" TEXT,
    "last_error" TEXT,
    "last_attempt_at" TIMESTAMP(3),
    "last_succeeded_at" TIMESTAMP(3),

    CONSTRAINT "inventory_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_sync" (
    "id" TEXT NOT NULL,
    "status" "inventory_sync_status" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "requested_by_id" TEXT,
    "requested_by_name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "subscriptions_total" INTEGER NOT NULL DEFAULT 0,
    "subscriptions_done" INTEGER NOT NULL DEFAULT 0,
    "clusters_found" INTEGER NOT NULL DEFAULT 0,
    "clusters_inspected" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,

    CONSTRAINT "inventory_sync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inventory_cluster_name_idx" ON "inventory_cluster"("name");

-- CreateIndex
CREATE INDEX "inventory_cluster_subscription_id_name_idx" ON "inventory_cluster"("subscription_id", "name");

-- CreateIndex
CREATE INDEX "inventory_cluster_location_name_idx" ON "inventory_cluster"("location", "name");

-- CreateIndex
CREATE INDEX "inventory_cluster_kubernetes_version_name_idx" ON "inventory_cluster"("kubernetes_version", "name");

-- CreateIndex
CREATE INDEX "inventory_cluster_exposure_name_idx" ON "inventory_cluster"("exposure", "name");

-- CreateIndex
CREATE INDEX "inventory_cluster_posture_score_name_idx" ON "inventory_cluster"("posture_score", "name");

-- CreateIndex
CREATE INDEX "inventory_cluster_failing_high_name_idx" ON "inventory_cluster"("failing_high", "name");

-- CreateIndex
CREATE INDEX "inventory_sync_created_at_idx" ON "inventory_sync"("created_at");

-- CreateIndex
CREATE INDEX "inventory_sync_status_idx" ON "inventory_sync"("status");

