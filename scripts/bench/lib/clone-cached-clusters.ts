type RawClient = { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };

/**
 * Fills the inventory cache with `clusters` rows in `subscriptions` subscriptions, cloned in SQL from
 * the rows a real sync wrote (so the jsonb columns have their real shape and size), with names,
 * regions, versions, exposure and findings varied the way a fleet's are: team-env-region-number
 * names in team-env resource groups, so that a search for a team matches a few hundred clusters.
 */
export async function cloneCachedClusters(db: RawClient, options: { clusters: number; subscriptions: number }): Promise<number> {
  await db.$executeRawUnsafe(
    `INSERT INTO inventory_subscription (id, display_name, cluster_count, last_status, last_attempt_at, last_succeeded_at)
     SELECT md5('bench-subscription-' || i)::uuid::text, 'Bench subscription ' || i, 0, 'succeeded', now(), now()
     FROM generate_series(1, $1::int) AS i`,
    options.subscriptions,
  );
  const inserted = await db.$executeRawUnsafe(
    `WITH template AS (SELECT row_number() OVER (ORDER BY key) - 1 AS n, * FROM inventory_cluster),
          teams AS (SELECT ARRAY['payments','search','analytics','checkout','identity','billing','catalog','logistics','fraud','ledger',
                                 'media','notify','orders','pricing','profile','reports','risk','routing','shipping','support'] AS names),
          generated AS (
            SELECT i,
                   md5('bench-subscription-' || (i % $2::int + 1))::uuid::text AS subscription_id,
                   teams.names[i % 20 + 1] || '-' || (ARRAY['dev','test','stage','prod'])[i / 20 % 4 + 1] AS team_env,
                   (ARRAY['westeurope','northeurope','eastus','eastus2','westus3','uksouth','swedencentral','japaneast'])[i / 80 % 8 + 1] AS location
            FROM generate_series(1, $1::int) AS i, teams)
     INSERT INTO inventory_cluster (key, resource_id, name, subscription_id, resource_group, location, kubernetes_version, provisioning_state,
       power_state, exposure, node_pool_count, node_count, posture_score, failing_high, failing_medium, failing_low, unknown_findings,
       cluster, posture, admin_group_names, nodes, api_server_reachable, api_server_error, synced_at)
     SELECT lower(r.id), r.id, c.name, c.subscription_id, c.resource_group, c.location,
            (ARRAY['1.30.9','1.31.5','1.31.7','1.32.3','1.33.1'])[c.i % 5 + 1], t.provisioning_state, t.power_state,
            (ARRAY['private','authorized_ranges','open']::cluster_exposure[])[c.i % 7 % 3 + 1], t.node_pool_count, 3 + c.i % 40,
            40 + c.i % 61, c.i % 3, c.i % 5, c.i % 4, t.unknown_findings,
            jsonb_set(jsonb_set(jsonb_set(t.cluster, '{id}', to_jsonb(r.id)), '{name}', to_jsonb(c.name)), '{resourceGroup}', to_jsonb(c.resource_group)),
            t.posture, t.admin_group_names, t.nodes, t.api_server_reachable, t.api_server_error, now() - (c.i % 900) * interval '1 second'
     FROM (SELECT g.*, 'aks-' || team_env || '-' || location || '-' || lpad((i % 1000)::text, 3, '0') || '-' || i AS name,
                  'rg-' || team_env AS resource_group FROM generated g) c
     CROSS JOIN LATERAL (SELECT '/subscriptions/' || c.subscription_id || '/resourceGroups/' || c.resource_group
                                || '/providers/Microsoft.ContainerService/managedClusters/' || c.name AS id) r
     JOIN template t ON t.n = c.i % (SELECT count(*) FROM template)`,
    options.clusters,
    options.subscriptions,
  );
  // What autovacuum does within a minute of a sync's writes: planner statistics and the visibility map.
  await db.$executeRawUnsafe("VACUUM (ANALYZE) inventory_cluster");
  return inserted;
}
