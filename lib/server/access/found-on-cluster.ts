import "server-only";
import type { Principal } from "@/lib/auth/policy";
import { type AccessRole, accessRoleOfDefinition } from "@/lib/access/roles";
import { type FoundScope, foundScopeOf } from "@/lib/access/scope";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { findDirectoryPrincipal } from "@/lib/server/azure/directory-principals";
import { listRoleAssignmentsAround } from "@/lib/server/azure/role-assignments";
import { db } from "@/lib/server/db/client";

export type FoundAssignment = { id: string; scope: FoundScope; role: AccessRole; principal: { id: string; name: string | null; type: string | null } };
export type FoundOnCluster = { ok: true; assignments: FoundAssignment[] } | { ok: false; error: string };

/**
 * AKS data-plane role assignments on an Azure-RBAC cluster that Clusterdesk did not make (drift):
 * read live from ARM, inherited ones included, the ones an active grant names left out. A team lead
 * sees only those in their own tenants' namespaces. Principals are named through Graph one by one,
 * which suits a cluster's handful of assignments, not thousands (the inventory should cache them).
 */
export async function foundOnCluster(clusterId: string, viewer: Principal, correlationId: string): Promise<FoundOnCluster> {
  const subscriptionId = parseClusterResourceId(clusterId)?.subscriptionId ?? "";
  let listed;
  try {
    listed = await listRoleAssignmentsAround(subscriptionId, clusterId, correlationId);
  } catch (error) {
    return { ok: false, error: `Azure could not list the cluster's role assignments (${armFailure(error).message}).` };
  }
  const [grants, environments] = await Promise.all([
    db().namespaceAccessGrant.findMany({ where: { clusterResourceId: clusterKey(clusterId), revokedAt: null, mechanism: "azure-rbac" }, select: { externalId: true } }),
    db().tenantEnvironment.findMany({ where: { clusterResourceId: clusterKey(clusterId) }, select: { namespace: true, tenantId: true } }),
  ]);
  const clusterdesks = new Set(grants.map((grant) => grant.externalId.toLowerCase()));
  const tenantOf = new Map(environments.map((environment) => [environment.namespace, environment.tenantId]));
  const readsAll = viewer.roles.includes("admin") || viewer.roles.includes("auditor");
  const relevant = listed.flatMap((assignment) => {
    const role = accessRoleOfDefinition(assignment.roleDefinitionId);
    const scope = foundScopeOf(clusterId, assignment.scope);
    if (!role || !scope || clusterdesks.has(assignment.id.toLowerCase())) return [];
    if (!readsAll && (scope.kind !== "namespace" || !viewer.ownedTenantIds.includes(tenantOf.get(scope.namespace) ?? ""))) return [];
    return [{ assignment, role, scope }];
  });
  const names = new Map<string, string | null>();
  for (const principalId of new Set(relevant.map(({ assignment }) => assignment.principalId))) {
    const lookup = await findDirectoryPrincipal(principalId);
    names.set(principalId, lookup.ok ? (lookup.principal?.displayName ?? null) : null);
  }
  return {
    ok: true,
    assignments: relevant.map(({ assignment, role, scope }) => ({
      id: assignment.id,
      scope,
      role,
      principal: { id: assignment.principalId, name: names.get(assignment.principalId) ?? null, type: assignment.principalType },
    })),
  };
}
