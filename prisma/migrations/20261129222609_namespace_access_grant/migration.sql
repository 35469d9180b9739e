-- CreateTable
CREATE TABLE "namespace_access_grant" (
    "id" TEXT NOT NULL,
    "cluster_resource_id" TEXT NOT NULL,
    "namespace" TEXT,
    "tenant_id" TEXT,
    "role" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "principal_type" TEXT NOT NULL,
    "principal_name" TEXT NOT NULL,
    "principal_upn" TEXT,
    "mechanism" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "lifetime_seconds" INTEGER,
    "granted_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3),
    "request_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by_name" TEXT NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "revocation_request_id" TEXT,

    CONSTRAINT "namespace_access_grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "namespace_access_grant_request_id_key" ON "namespace_access_grant"("request_id");

-- CreateIndex
CREATE INDEX "namespace_access_grant_cluster_resource_id_revoked_at_idx" ON "namespace_access_grant"("cluster_resource_id", "revoked_at");

-- CreateIndex
CREATE INDEX "namespace_access_grant_expires_at_idx" ON "namespace_access_grant"("expires_at");

