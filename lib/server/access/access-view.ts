import "server-only";
import { can, type ClusterResource, type Principal } from "@/lib/auth/policy";
import { describeEffect, type EffectWording, type GrantEffect, isGrantEffect } from "@/lib/access/grant-effect";
import { type AccessRole, accessRoleKeys, isAccessRole } from "@/lib/access/roles";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { effectDeadlineOf } from "./grant-effect-check";

export type AccessGrantRow = {
  id: string;
  namespace: string | null;
  role: AccessRole;
  principal: { name: string; type: string; upn: string | null };
  mechanism: "azure-rbac" | "kubernetes-rbac";
  grantedAt: Date;
  expiresAt: Date | null;
  requestNumber: number | null;
  requestedByName: string;
  reason: string;
  /** An open revocation (a person's or the expiry's): the row says so instead of offering another. */
  revocationRequestNumber: number | null;
  canRevoke: boolean;
  /** Whether the cluster honours it yet (applied → effective, or not effective at the deadline). */
  effect: EffectWording & { state: GrantEffect; checkedAt: Date | null };
  /** Time-bound, not being revoked, and the viewer may ask for more time (asking is open to the tenant's owners and admins). */
  canExtend: boolean;
};

export type GrantChoices = {
  namespaces: Array<{ namespace: string; tenantName: string }>;
  roles: AccessRole[];
  allowClusterScope: boolean;
};

/**
 * Who may see which grants: admins and auditors all; a team lead only those in their own tenants'
 * namespaces (who has access to another team's namespace on a shared cluster is that team's business).
 */
export function grantVisibility(viewer: Principal): Prisma.NamespaceAccessGrantWhereInput {
  return viewer.roles.includes("admin") || viewer.roles.includes("auditor") ? {} : { namespace: { not: null }, tenantId: { in: [...viewer.ownedTenantIds] } };
}

/** Active grants Clusterdesk made on the cluster that the viewer may see, in namespace order, with what the viewer may do about each. */
export async function listActiveGrants(clusterId: string, cluster: ClusterResource, viewer: Principal): Promise<AccessGrantRow[]> {
  const grants = await db().namespaceAccessGrant.findMany({
    where: { clusterResourceId: clusterKey(clusterId), revokedAt: null, ...grantVisibility(viewer) },
    orderBy: [{ namespace: "asc" }, { grantedAt: "asc" }],
  });
  const requestIds = grants.flatMap((grant) => [grant.requestId, ...(grant.revocationRequestId ? [grant.revocationRequestId] : [])]);
  const requests = requestIds.length ? await db().changeRequest.findMany({ where: { id: { in: requestIds } }, select: { id: true, number: true, status: true } }) : [];
  const byId = new Map(requests.map((request) => [request.id, request]));
  return grants.flatMap((grant) => {
    if (!isAccessRole(grant.role)) return [];
    const revocation = grant.revocationRequestId ? byId.get(grant.revocationRequestId) : undefined;
    const openRevocation = revocation && !["rejected", "cancelled", "expired", "applied", "failed"].includes(revocation.status) ? revocation.number : null;
    const resource = { kind: "namespace-access", cluster, scope: grant.namespace === null ? "cluster" : "namespace", namespaceTenantId: grant.tenantId, role: grant.role, principalInTenantGroups: true } as const;
    return [
      {
        id: grant.id,
        namespace: grant.namespace,
        role: grant.role,
        principal: { name: grant.principalName, type: grant.principalType, upn: grant.principalUpn },
        mechanism: grant.mechanism === "kubernetes-rbac" ? "kubernetes-rbac" : "azure-rbac",
        grantedAt: grant.grantedAt,
        expiresAt: grant.expiresAt,
        requestNumber: byId.get(grant.requestId)?.number ?? null,
        requestedByName: grant.requestedByName,
        reason: grant.reason,
        revocationRequestNumber: openRevocation,
        canRevoke: openRevocation === null && (can(viewer, "access.revoke", resource) || can(viewer, "access.request-revoke", resource)),
        effect: {
          ...describeEffect({ ...grant, effectDeadline: effectDeadlineOf(grant) }),
          state: isGrantEffect(grant.effect) ? grant.effect : "waiting",
          checkedAt: grant.effectCheckedAt,
        },
        canExtend: openRevocation === null && grant.expiresAt !== null && can(viewer, "access.request-extend", resource),
      },
    ];
  });
}

/**
 * What the grant form offers the viewer: the namespaces of tenant environments on the cluster they
 * may ask for (an admin: all) and the roles. No Graph call: the people picker searches the directory
 * when someone types, and the server checks every submit again; these only spare people choices that
 * would be refused.
 */
export async function grantChoices(clusterId: string, viewer: Principal, options: { azureRbac: boolean }): Promise<GrantChoices> {
  const admin = viewer.roles.includes("admin");
  const environments = await db().tenantEnvironment.findMany({
    where: { clusterResourceId: clusterKey(clusterId), ...(admin ? {} : { tenantId: { in: [...viewer.ownedTenantIds] } }) },
    select: { namespace: true, tenant: { select: { displayName: true } } },
    orderBy: { namespace: "asc" },
  });
  return {
    namespaces: environments.map(({ namespace, tenant }) => ({ namespace, tenantName: tenant.displayName })),
    roles: admin ? accessRoleKeys : accessRoleKeys.filter((role) => role !== "cluster-admin"),
    // A cluster-wide grant on a Kubernetes-RBAC cluster would be a ClusterRoleBinding, not built yet.
    allowClusterScope: admin && options.azureRbac,
  };
}
