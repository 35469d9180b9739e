-- CreateTable
CREATE TABLE "authorized_ip_range" (
    "id" TEXT NOT NULL,
    "cluster_resource_id" TEXT NOT NULL,
    "range" TEXT NOT NULL,
    "owner" TEXT,
    "reason" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "added_by_id" TEXT,
    "added_by_name" TEXT NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" TEXT,

    CONSTRAINT "authorized_ip_range_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "authorized_ip_range_expires_at_idx" ON "authorized_ip_range"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "authorized_ip_range_cluster_resource_id_range_key" ON "authorized_ip_range"("cluster_resource_id", "range");

