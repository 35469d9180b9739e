import "server-only";
import { extendedExpiry } from "@/lib/access/describe-change";
import { roleBindingNameFor } from "@/lib/access/grant-names";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import { namespaceAccessExtensionPayload } from "@/lib/requests/kinds";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { db } from "@/lib/server/db/client";
import { KubeWriteError, applyRoleBinding } from "@/lib/server/kube/role-bindings";
import { type ChangeExecutor, RetryableError } from "@/lib/server/requests/executor";
import { portalClusterCredentials } from "./cluster-credentials";

/** The RoleBinding label that carries a Clusterdesk grant's end (Unix seconds: label values allow no colons). */
export const expiresAtLabel = "clusterdesk.io/expires-at";

/**
 * Moves a time-bound grant's end. Azure role assignments carry no end (Clusterdesk's expiry job
 * revokes them), so only the record changes; a Clusterdesk RoleBinding is applied again with the new
 * end in its labels, so what the cluster shows agrees. The new end is fixed by the request, so a
 * resumed attempt converges. A grant that ended (or was revoked) first cannot be extended: the
 * requester is told to ask for a new one.
 */
export function grantExtensionExecutor(): ChangeExecutor {
  return {
    async apply(request, context) {
      const extension = namespaceAccessExtensionPayload.parse(request.payload);
      const grant = await db().namespaceAccessGrant.findUnique({ where: { id: extension.grantId } });
      if (!grant || !isAccessRole(grant.role)) throw new Error("The grant to extend is not recorded.");
      if (grant.revokedAt) throw new Error("The access ended before the extension was applied; ask for a new grant instead.");
      if (!grant.expiresAt) throw new Error("The access is permanent; there is no end to move.");
      const newEnd = extendedExpiry(extension);
      const before = { expiresAt: grant.expiresAt.toISOString() };
      if (grant.expiresAt.getTime() <= Date.now() && grant.expiresAt.getTime() < newEnd.getTime()) {
        throw new Error("The access reached its end before the extension was applied; ask for a new grant instead.");
      }
      await context.reportProgress({ phase: "applying", message: `Extending ${accessRoles[grant.role].name} for ${grant.principalName} until ${newEnd.toISOString()}` });
      if (grant.mechanism === "kubernetes-rbac") await relabelRoleBinding(grant, newEnd, request.correlationId);
      const moved = await db().namespaceAccessGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { expiresAt: newEnd } });
      if (moved.count === 0) throw new Error("The access was revoked while the extension was being applied; nothing was extended.");
      return { before, after: { expiresAt: newEnd.toISOString() }, summary: `Extended ${accessRoles[grant.role].name} for ${grant.principalName} until ${newEnd.toISOString()}.` };
    },
  };
}

type GrantRow = { clusterResourceId: string; externalId: string; role: string; principalId: string; principalType: string; principalUpn: string | null; requestId: string };

async function relabelRoleBinding(grant: GrantRow, newEnd: Date, correlationId: string): Promise<void> {
  if (!isAccessRole(grant.role)) return;
  const [namespace = "", name = roleBindingNameFor(grant.role, grant.principalId)] = grant.externalId.split("/");
  const source = await db().changeRequest.findUnique({ where: { id: grant.requestId }, select: { number: true } });
  const subject = grant.principalType === "Group" ? { kind: "Group" as const, name: grant.principalId } : { kind: "User" as const, name: grant.principalUpn ?? grant.principalId };
  try {
    const { cluster } = await getCluster(grant.clusterResourceId, correlationId);
    const credentials = await portalClusterCredentials(cluster, correlationId);
    await applyRoleBinding(credentials, {
      namespace,
      name,
      clusterRole: accessRoles[grant.role].clusterRole,
      subject,
      labels: { "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/request": String(source?.number ?? ""), [expiresAtLabel]: String(Math.floor(newEnd.getTime() / 1000)) },
      annotations: { "clusterdesk.io/principal-object-id": grant.principalId },
    });
  } catch (error) {
    if (error instanceof KubeWriteError) {
      if (error.retryable) throw new RetryableError(error.message, { cause: error });
      throw error;
    }
    const failure = armFailure(error);
    if (failure.retryable) throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
    throw new Error(`Azure Resource Manager: ${failure.message}`, { cause: error });
  }
}
