import "server-only";
import { randomUUID } from "node:crypto";
import { type AccessEntryDraft, draftsFromAssignments, draftsFromBindings } from "@/lib/access/found-access";
import type { Cluster } from "@/lib/clusters/cluster";
import { clusterKey } from "@/lib/clusters/resource-id";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { listRoleAssignmentsAround } from "@/lib/server/azure/role-assignments";
import { limiter } from "@/lib/server/clusters/bounded";
import { db } from "@/lib/server/db/client";
import { describeKubeFailure } from "@/lib/server/kube/in-cluster-reader";
import { type ApiServerEndpoint, pooledKubeConfig } from "@/lib/server/kube/api-server-pool";
import { listAllBindings, listAllBindingsThrough } from "@/lib/server/kube/rbac-bindings";
import { logger } from "@/lib/server/logger";
import { type AccessEntryRow, replaceClusterAccess } from "./access-cache-store";
import { portalClusterCredentials } from "./cluster-credentials";
import { nameSubjects } from "./principal-names";
import { AccessListTimeout, type AccessSyncSession } from "./subscription-role-assignments";

export type AccessSyncOutcome = { ok: true; entries: number } | { ok: false; error: string };

/** How the inventory sync just reached a cluster's API server: its endpoint and the portal's token. */
export type ReachedApiServer = { endpoint: ApiServerEndpoint; bearerToken: string };

// The inventory syncs a subscription's clusters all at once; each access read is one ARM list or two
// API-server lists, so a bound keeps thousands of clusters from opening thousands of connections.
const readAccess = limiter(16);
const readTimeoutMs = 15_000;
// Each cluster's rows are one short transaction (three statements); the process's pool (10) is shared
// with the pages served beside the sync, so only a couple of these hold a connection at a time.
const writeAccess = limiter(2);

/**
 * Reads who has access to one cluster and replaces its rows in the access cache: AKS data-plane role
 * assignments around it (Azure RBAC), or its RoleBindings and ClusterRoleBindings (Kubernetes RBAC
 * only), principals named through Graph in batches. `session`: the inventory sync's shared
 * per-subscription role-assignment lists. Never throws: a failed read is recorded for the
 * cluster (its previous rows kept, as last seen) and returned, so the inventory's own sync goes on.
 */
export async function syncClusterAccess(cluster: Cluster, correlationId: string = randomUUID(), reached?: ReachedApiServer, session?: AccessSyncSession): Promise<AccessSyncOutcome> {
  const key = clusterKey(cluster.id);
  const attemptedAt = new Date();
  try {
    // In an inventory sync the subscription's one list is shared (its own bound and deadline); alone
    // (an adoption re-reading one cluster), one list at the cluster's scope.
    const drafts =
      session && cluster.identity.managedAad && cluster.identity.azureRbac
        ? draftsFromAssignments(cluster.id, await session.assignmentsAround(cluster, correlationId))
        : await readAccess(() => withTimeout(readDrafts(cluster, correlationId, reached), readTimeoutMs));
    const entries = await storeEntries(cluster, drafts, attemptedAt, session);
    return { ok: true, entries };
  } catch (error) {
    const message = describeFailure(error);
    logger.warn("access cache: cluster read failed", { clusterId: cluster.id, correlationId, error: message });
    await db()
      .clusterAccessSync.upsert({ where: { clusterKey: key }, create: { clusterKey: key, attemptedAt, error: message }, update: { attemptedAt, error: message } })
      .catch((failure: unknown) => logger.error("access cache: could not record the failure", { clusterId: cluster.id, error: failure instanceof Error ? failure.message : String(failure) }));
    return { ok: false, error: message };
  }
}

/** `reached`: how the inventory just reached the API server (its stored endpoint), saving ARM a credential POST. */
async function readDrafts(cluster: Cluster, correlationId: string, reached: ReachedApiServer | undefined): Promise<AccessEntryDraft[]> {
  // Without Entra ID no directory user or group can be given access: nothing to cache.
  if (!cluster.identity.managedAad) return [];
  if (cluster.identity.azureRbac) {
    return draftsFromAssignments(cluster.id, await listRoleAssignmentsAround(cluster.subscriptionId, cluster.id, correlationId));
  }
  if (cluster.apiServerAccess.privateCluster) throw new AccessReadError("The API server is private: the portal cannot read its RoleBindings.");
  // The inventory's credentials name the endpoint it just read: through its pooled connection, so the
  // two lists cost no TLS handshake (a plain KubeConfig builds a new agent, and handshake, per request).
  if (reached) return draftsFromBindings(await listAllBindingsThrough(pooledKubeConfig(reached.endpoint, reached.bearerToken)));
  return draftsFromBindings(await listAllBindings(await portalClusterCredentials(cluster, correlationId)));
}

class AccessReadError extends Error {}

async function storeEntries(cluster: Cluster, drafts: AccessEntryDraft[], syncedAt: Date, session: AccessSyncSession | undefined): Promise<number> {
  const named = await nameSubjects(drafts.map((draft) => draft.subject));
  // One row per (external id, principal): ON CONFLICT may not touch a row twice in one statement.
  const rows = new Map<string, AccessEntryRow>();
  for (const draft of drafts) {
    const row = rowOf(cluster.id, draft, named(draft.subject), syncedAt);
    rows.set(`${row.externalId.toLowerCase()}|${row.principalId}`, row);
  }
  const read = { clusterKey: clusterKey(cluster.id), syncedAt, rows: [...rows.values()] };
  // In a sync, batched with other clusters' reads; alone, a transaction of its own.
  await (session ? session.write(read) : writeAccess(() => replaceClusterAccess([read])));
  return rows.size;
}

type Named = Awaited<ReturnType<typeof nameSubjects>> extends (subject: never) => infer R ? R : never;

function rowOf(clusterId: string, draft: AccessEntryDraft, principal: Named, syncedAt: Date): AccessEntryRow {
  const subjectId = draft.subject.by === "object-id" ? draft.subject.objectId : draft.subject.name;
  const declaredType = draft.subject.by === "object-id" ? draft.subject.type : "User";
  return {
    clusterKey: clusterKey(clusterId),
    clusterResourceId: clusterId,
    mechanism: draft.mechanism,
    scopeKind: draft.scopeKind,
    namespace: draft.namespace,
    inherited: draft.inherited,
    role: draft.role,
    roleName: draft.roleName,
    principalId: principal?.objectId ?? subjectId,
    principalType: principal?.type ?? declaredType ?? "Unknown",
    principalName: principal?.displayName ?? null,
    principalUpn: principal?.userPrincipalName ?? (draft.subject.by === "user-name" ? draft.subject.name : null),
    groupMemberCount: principal?.memberCount ?? null,
    principalDeleted: principal === null,
    externalId: draft.externalId,
    bindingSubjects: draft.bindingSubjects,
    managedByClusterdesk: draft.managedByClusterdesk,
    syncedAt,
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof AccessReadError || error instanceof AccessListTimeout) return error.message;
  const arm = armFailure(error);
  if (arm.statusCode) return `Azure answered ${arm.statusCode}${arm.code ? ` (${arm.code})` : ""}: ${arm.message}`.slice(0, 500);
  return describeKubeFailure(error).slice(0, 500);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AccessReadError(`Access could not be read within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
