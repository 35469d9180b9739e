-- CreateTable
CREATE TABLE "cluster_access_entry" (
    "id" TEXT NOT NULL,
    "cluster_key" TEXT NOT NULL,
    "cluster_resource_id" TEXT NOT NULL,
    "mechanism" TEXT NOT NULL,
    "scope_kind" TEXT NOT NULL,
    "namespace" TEXT,
    "inherited" BOOLEAN NOT NULL,
    "role" TEXT NOT NULL,
    "role_name" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "principal_type" TEXT NOT NULL,
    "principal_name" TEXT,
    "principal_upn" TEXT,
    "group_member_count" INTEGER,
    "principal_deleted" BOOLEAN NOT NULL,
    "external_id" TEXT NOT NULL,
    "binding_subjects" INTEGER NOT NULL DEFAULT 1,
    "managed_by_clusterdesk" BOOLEAN NOT NULL DEFAULT false,
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cluster_access_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster_access_sync" (
    "cluster_key" TEXT NOT NULL,
    "synced_at" TIMESTAMP(3),
    "attempted_at" TIMESTAMP(3) NOT NULL,
    "error" TEXT,

    CONSTRAINT "cluster_access_sync_pkey" PRIMARY KEY ("cluster_key")
);

-- CreateIndex
CREATE INDEX "cluster_access_entry_cluster_key_namespace_idx" ON "cluster_access_entry"("cluster_key", "namespace");

-- CreateIndex
CREATE INDEX "cluster_access_entry_principal_id_cluster_key_namespace_id_idx" ON "cluster_access_entry"("principal_id", "cluster_key", "namespace", "id");

-- CreateIndex
CREATE UNIQUE INDEX "cluster_access_entry_cluster_key_external_id_principal_id_key" ON "cluster_access_entry"("cluster_key", "external_id", "principal_id");

