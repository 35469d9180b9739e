import "server-only";
import { roleBindingNameFor } from "@/lib/access/grant-names";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import type { NamespaceAccessGrant } from "@/lib/generated/prisma/client";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { db } from "@/lib/server/db/client";
import { applyRoleBinding } from "@/lib/server/kube/role-bindings";
import { portalClusterCredentials } from "./cluster-credentials";
import { grantRoleBindingLabels } from "./grant-role-binding-labels";

type GrantRow = Pick<NamespaceAccessGrant, "clusterResourceId" | "externalId" | "role" | "principalId" | "principalType" | "principalUpn" | "requestId">;

/**
 * Applies a Clusterdesk RoleBinding again with the grant's end in its labels, so what the cluster
 * shows agrees with the record once the effect check has counted the lifetime from the effect.
 * Throws what the cluster or ARM said; the caller decides whether that matters.
 */
export async function relabelGrantRoleBinding(grant: GrantRow, expiresAt: Date | null, correlationId: string): Promise<void> {
  if (!isAccessRole(grant.role)) return;
  const [namespace = "", name = roleBindingNameFor(grant.role, grant.principalId)] = grant.externalId.split("/");
  const source = await db().changeRequest.findUniqueOrThrow({ where: { id: grant.requestId }, select: { number: true } });
  const subject = grant.principalType === "Group" ? { kind: "Group" as const, name: grant.principalId } : { kind: "User" as const, name: grant.principalUpn ?? grant.principalId };
  const { cluster } = await getCluster(grant.clusterResourceId, correlationId);
  await applyRoleBinding(await portalClusterCredentials(cluster, correlationId), {
    namespace,
    name,
    clusterRole: accessRoles[grant.role].clusterRole,
    subject,
    labels: grantRoleBindingLabels(source.number, expiresAt),
    annotations: { "clusterdesk.io/principal-object-id": grant.principalId },
  });
}
