import "server-only";
import { isAccessRole } from "@/lib/access/roles";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { foundAccessRevocationPayload, namespaceAccessAdoptionPayload } from "@/lib/requests/kinds";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { deleteRoleAssignment } from "@/lib/server/azure/role-assignments";
import { db } from "@/lib/server/db/client";
import { deleteRoleBinding, KubeWriteError } from "@/lib/server/kube/role-bindings";
import { deleteClusterRoleBinding } from "@/lib/server/kube/rbac-bindings";
import { type ChangeExecutor, type ExecutableRequest, RetryableError } from "@/lib/server/requests/executor";
import { forgetCachedAccess } from "./access-cache-writes";
import { portalClusterCredentials } from "./cluster-credentials";
import { syncClusterAccess } from "./sync-cluster-access";

/**
 * Adoption: Clusterdesk records access found on the cluster as a grant it manages (kind
 * `namespace-access-adoption`). Nothing is written to Azure or the cluster; the executor first reads
 * the cluster's access again and refuses if the entry is gone. The record is one per request
 * (upserted), so a resumed attempt records it once; from then on the entry is "Clusterdesk request #n"
 * and the grant's Revoke, expiry and extension apply to it.
 */
export function namespaceAccessAdoptionExecutor(): ChangeExecutor {
  return {
    async apply(request) {
      const { entry } = namespaceAccessAdoptionPayload.parse(request.payload);
      const clusterId = requireCluster(request);
      if (!isAccessRole(entry.role) || (entry.principal.type !== "User" && entry.principal.type !== "Group")) throw new Error("Only the four AKS roles for users and groups can be adopted.");
      const existing = await db().namespaceAccessGrant.findFirst({
        where: { clusterResourceId: clusterKey(clusterId), revokedAt: null, externalId: { equals: entry.externalId, mode: "insensitive" }, NOT: { requestId: request.id } },
        select: { id: true },
      });
      if (existing) return { before: null, after: { grantId: existing.id }, summary: "Already managed by Clusterdesk; nothing recorded." };
      const { cluster } = await armCall(() => getCluster(clusterId, request.correlationId));
      const read = await syncClusterAccess(cluster, request.correlationId);
      if (!read.ok) throw new RetryableError(`The cluster's access could not be read again: ${read.error}`);
      const still = await db().clusterAccessEntry.findFirst({ where: { clusterKey: clusterKey(clusterId), externalId: entry.externalId, principalId: entry.principal.objectId }, select: { id: true } });
      if (!still) throw new Error("The access is no longer on the cluster; there is nothing to adopt.");
      const source = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id }, select: { requesterName: true, justification: true } });
      const now = new Date();
      const grant = await db().namespaceAccessGrant.upsert({
        where: { requestId: request.id },
        create: {
          clusterResourceId: clusterKey(clusterId),
          namespace: entry.namespace,
          tenantId: request.tenantId,
          role: entry.role,
          principalId: entry.principal.objectId,
          principalType: entry.principal.type,
          principalName: entry.principal.displayName ?? entry.principal.objectId,
          principalUpn: entry.principal.userPrincipalName,
          mechanism: entry.mechanism,
          externalId: entry.externalId,
          lifetimeSeconds: null,
          grantedAt: now,
          expiresAt: null,
          // It was in force before Clusterdesk knew of it: there is nothing to wait for.
          effect: "effective",
          effectiveAt: now,
          requestId: request.id,
          reason: source.justification,
          requestedByName: source.requesterName,
        },
        update: {},
        select: { id: true },
      });
      return { before: null, after: { grantId: grant.id, mechanism: entry.mechanism, externalId: entry.externalId }, summary: `Adopted ${entry.roleName} for ${entry.principal.displayName ?? entry.principal.objectId}; nothing changed on the cluster.` };
    },
  };
}

/**
 * Revocation of access found on the cluster (kind `found-access-revocation`): deletes the role
 * assignment, RoleBinding or ClusterRoleBinding the entry names (already gone counts as done), then
 * drops it from the cache. Refused when the entry is a Clusterdesk grant by now: that is revoked as a grant.
 */
export function foundAccessRevocationExecutor(): ChangeExecutor {
  return {
    async apply(request, context) {
      const { entry } = foundAccessRevocationPayload.parse(request.payload);
      const clusterId = requireCluster(request);
      const grant = await db().namespaceAccessGrant.findFirst({ where: { clusterResourceId: clusterKey(clusterId), revokedAt: null, externalId: { equals: entry.externalId, mode: "insensitive" } }, select: { id: true } });
      if (grant) throw new Error("Clusterdesk manages this access now (it was adopted); revoke the grant instead.");
      const before = { mechanism: entry.mechanism, externalId: entry.externalId };
      await context.reportProgress({ phase: "applying", message: `Revoking ${entry.roleName} for ${entry.principal.displayName ?? entry.principal.objectId}` });
      if (entry.mechanism === "azure-rbac") {
        const subscriptionId = parseClusterResourceId(clusterId)?.subscriptionId ?? "";
        await armCall(() => deleteRoleAssignment(subscriptionId, entry.externalId, request.correlationId));
      } else {
        const { cluster } = await armCall(() => getCluster(clusterId, request.correlationId));
        const credentials = await armCall(() => portalClusterCredentials(cluster, request.correlationId));
        await kubeCall(async () => {
          if (entry.scopeKind === "namespace") {
            const [namespace = "", name = ""] = entry.externalId.split("/");
            await deleteRoleBinding(credentials, namespace, name);
          } else {
            await deleteClusterRoleBinding(credentials, entry.externalId);
          }
        });
      }
      await forgetCachedAccess(clusterId, entry.externalId);
      return { before, after: { ...before, deleted: true }, summary: `Revoked ${entry.roleName} for ${entry.principal.displayName ?? entry.principal.objectId} (found on the cluster).` };
    },
  };
}

function requireCluster(request: ExecutableRequest): string {
  if (!request.clusterResourceId) throw new Error("The request names no cluster.");
  return request.clusterResourceId;
}

async function armCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = armFailure(error);
    if (failure.code === "AuthorizationFailed") throw new Error(`Clusterdesk's identity may not do this at this scope. Azure said: ${failure.message}`, { cause: error });
    if (failure.retryable) throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
    throw new Error(`Azure Resource Manager refused the change: ${failure.message}`, { cause: error });
  }
}

async function kubeCall(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    const status = error instanceof KubeWriteError ? error.status : error && typeof error === "object" && "code" in error && typeof error.code === "number" ? error.code : null;
    if (status === null || status === 409 || status === 429 || status >= 500) throw new RetryableError(error instanceof Error ? error.message : String(error), { cause: error });
    throw error;
  }
}
