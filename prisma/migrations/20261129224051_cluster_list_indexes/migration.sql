-- The findings sort's own index (worst first, as the list asks for it).
-- DropIndex
DROP INDEX "inventory_cluster_failing_high_name_idx";

-- CreateIndex
CREATE INDEX "inventory_cluster_failing_high_failing_medium_failing_low_n_idx" ON "inventory_cluster"("failing_high" DESC, "failing_medium" DESC, "failing_low" DESC, "name", "key");

-- Trigram indexes for the search. Generated as a plain CREATE EXTENSION and two CREATE INDEX;
-- wrapped by hand so that a server where pg_trgm cannot be created (not installed, or not
-- allow-listed, as on Azure Database for PostgreSQL until `azure.extensions` names it) still
-- migrates: the search then works as a sequential scan, and a warning says why.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS "pg_trgm";

  -- CreateIndex
  CREATE INDEX "inventory_cluster_name_trgm_idx" ON "inventory_cluster" USING GIN ("name" gin_trgm_ops);

  -- CreateIndex
  CREATE INDEX "inventory_cluster_resource_group_trgm_idx" ON "inventory_cluster" USING GIN ("resource_group" gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm unavailable (%): the cluster search is not indexed', SQLERRM;
END
$$;
