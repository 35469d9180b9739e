import { demoGroups, demoUsers } from "../../../emulator/seed/organisation";

type RawClient = { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };

/**
 * `entries` cached entries per cloned cluster (those without any yet): the first through Team Payments
 * Members, the fourth to Max directly, the second inherited from the subscription, the third at the
 * cluster, the rest in seven namespaces, to people who exist nowhere else.
 */
export async function fillAccessCache(db: RawClient, perCluster: number): Promise<number> {
  // The clones keep their template's subscription id inside the cluster's JSON; the Access tab derives
  // the cluster id from it, so make it the clone's own.
  await db.$executeRawUnsafe(`UPDATE inventory_cluster SET cluster = jsonb_set(cluster, '{subscriptionId}', to_jsonb(subscription_id)) WHERE cluster->>'subscriptionId' <> subscription_id`);
  const inserted = await db.$executeRawUnsafe(
    `INSERT INTO cluster_access_entry (id, cluster_key, cluster_resource_id, mechanism, scope_kind, namespace, inherited, role, role_name,
       principal_id, principal_type, principal_name, principal_upn, group_member_count, principal_deleted, external_id, synced_at)
     SELECT gen_random_uuid()::text, c.key, c.resource_id, 'azure-rbac',
            CASE j WHEN 2 THEN 'subscription' WHEN 3 THEN 'cluster' ELSE 'namespace' END,
            CASE WHEN j IN (2, 3) THEN NULL ELSE 'team-' || (j % 7) END,
            j = 2,
            (ARRAY['reader','writer','admin','cluster-admin'])[j % 4 + 1],
            'Azure Kubernetes Service RBAC ' || (ARRAY['Reader','Writer','Admin','Cluster Admin'])[j % 4 + 1],
            CASE j WHEN 1 THEN $2 WHEN 4 THEN $3 ELSE md5('bench-principal-' || c.key || j)::uuid::text END,
            CASE WHEN j = 1 THEN 'Group' ELSE 'User' END,
            CASE j WHEN 1 THEN 'Team Payments Members' WHEN 4 THEN 'Max Müller' ELSE 'Bench person ' || j END,
            CASE WHEN j = 1 THEN NULL ELSE 'bench' || j || '@clusterdesk-demo.onmicrosoft.com' END,
            CASE WHEN j = 1 THEN 12 ELSE NULL END,
            false,
            c.resource_id || '/providers/Microsoft.Authorization/roleAssignments/' || md5(c.key || '-' || j)::uuid::text,
            now()
     FROM inventory_cluster c CROSS JOIN generate_series(1, $1::int) AS j
     WHERE NOT EXISTS (SELECT 1 FROM cluster_access_sync s WHERE s.cluster_key = c.key)`,
    perCluster,
    demoGroups.paymentsMembers,
    demoUsers.member,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO cluster_access_sync (cluster_key, synced_at, attempted_at) SELECT key, now(), now() FROM inventory_cluster ON CONFLICT (cluster_key) DO NOTHING`,
  );
  await db.$executeRawUnsafe("VACUUM (ANALYZE) cluster_access_entry");
  return inserted;
}
