import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db/client";

/** One cache row as the access sync builds it (`cluster_access_entry`, camelCase). */
export type AccessEntryRow = {
  clusterKey: string;
  clusterResourceId: string;
  mechanism: string;
  scopeKind: string;
  namespace: string | null;
  inherited: boolean;
  role: string;
  roleName: string;
  principalId: string;
  principalType: string;
  principalName: string | null;
  principalUpn: string | null;
  groupMemberCount: number | null;
  principalDeleted: boolean;
  externalId: string;
  bindingSubjects: number;
  managedByClusterdesk: boolean;
  syncedAt: Date;
};

export type ClusterAccessRead = { clusterKey: string; syncedAt: Date; rows: readonly AccessEntryRow[] };

const columns = [
  "id text", "cluster_key text", "cluster_resource_id text", "mechanism text", "scope_kind text", "namespace text", "inherited boolean", "role text",
  "role_name text", "principal_id text", "principal_type text", "principal_name text", "principal_upn text", "group_member_count int",
  "principal_deleted boolean", "external_id text", "binding_subjects int", "managed_by_clusterdesk boolean", "synced_at timestamp(3)",
];
const names = columns.map((column) => column.split(" ")[0] ?? "");
const conflictKey = ["cluster_key", "external_id", "principal_id"];
// The id is not updated: adopt and revoke refer to an entry by it across re-reads.
const updates = names.filter((name) => name !== "id" && !conflictKey.includes(name)).map((name) => `${name} = EXCLUDED.${name}`);

const upsertEntries = `INSERT INTO cluster_access_entry (${names.join(", ")})
  SELECT ${names.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.join(", ")})
  ON CONFLICT (${conflictKey.join(", ")}) DO UPDATE SET ${updates.join(", ")}`;
const deleteUnseen = `DELETE FROM cluster_access_entry e USING jsonb_to_recordset($1::jsonb) AS c(cluster_key text, synced_at timestamp(3))
  WHERE e.cluster_key = c.cluster_key AND e.synced_at < c.synced_at`;
const recordSynced = `INSERT INTO cluster_access_sync (cluster_key, synced_at, attempted_at, error)
  SELECT cluster_key, synced_at, synced_at, NULL FROM jsonb_to_recordset($1::jsonb) AS c(cluster_key text, synced_at timestamp(3))
  ON CONFLICT (cluster_key) DO UPDATE SET synced_at = EXCLUDED.synced_at, attempted_at = EXCLUDED.attempted_at, error = NULL`;

/**
 * Replaces clusters' cached access in one transaction of three statements, whatever the number of
 * rows (a Prisma upsert per row was a round trip each, inside an interactive transaction): rows upserted
 * by (cluster, external id, principal), rows of those clusters not read again deleted, each cluster's
 * read recorded. A failure writes nothing, so the rows last read stay.
 */
export async function replaceClusterAccess(reads: readonly ClusterAccessRead[]): Promise<void> {
  if (reads.length === 0) return;
  // One read per cluster (the last): ON CONFLICT may not touch a row twice in one statement.
  reads = [...new Map(reads.map((read) => [read.clusterKey, read])).values()];
  const rows = reads.flatMap((read) => read.rows.map((row) => ({ ...snakeCase(row), id: randomUUID() })));
  const clusters = JSON.stringify(reads.map((read) => ({ cluster_key: read.clusterKey, synced_at: read.syncedAt.toISOString() })));
  await db().$transaction([
    db().$executeRawUnsafe(upsertEntries, JSON.stringify(rows)),
    db().$executeRawUnsafe(deleteUnseen, clusters),
    db().$executeRawUnsafe(recordSynced, clusters),
  ]);
}

function snakeCase(row: AccessEntryRow) {
  return {
    cluster_key: row.clusterKey,
    cluster_resource_id: row.clusterResourceId,
    mechanism: row.mechanism,
    scope_kind: row.scopeKind,
    namespace: row.namespace,
    inherited: row.inherited,
    role: row.role,
    role_name: row.roleName,
    principal_id: row.principalId,
    principal_type: row.principalType,
    principal_name: row.principalName,
    principal_upn: row.principalUpn,
    group_member_count: row.groupMemberCount,
    principal_deleted: row.principalDeleted,
    external_id: row.externalId,
    binding_subjects: row.bindingSubjects,
    managed_by_clusterdesk: row.managedByClusterdesk,
    synced_at: row.syncedAt.toISOString(),
  };
}
