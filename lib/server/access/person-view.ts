import "server-only";
import type { Principal } from "@/lib/auth/policy";
import { type AccessRole, accessRoleOfDefinition, isAccessRole } from "@/lib/access/roles";
import { foundScopeOf } from "@/lib/access/scope";
import { clusterKey } from "@/lib/clusters/resource-id";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { type DirectoryPrincipal, findDirectoryPrincipal, transitiveGroupsOf } from "@/lib/server/azure/directory-principals";
import { listRoleAssignmentsAround } from "@/lib/server/azure/role-assignments";
import { db } from "@/lib/server/db/client";
import { grantVisibility } from "./access-view";

export type PersonAccessEntry = {
  key: string;
  cluster: { name: string; accessHref: string };
  /** Null: the whole cluster. */
  namespace: string | null;
  role: AccessRole;
  /** Held directly, or through a group the person is in (nested groups included). */
  via: { kind: "direct" } | { kind: "group"; groupName: string };
  source: { kind: "clusterdesk"; requestNumber: number | null } | { kind: "found-on-cluster" };
  expiresAt: Date | null;
};

export type PersonAccess =
  | { ok: true; principal: DirectoryPrincipal; groupCount: number; entries: PersonAccessEntry[]; warnings: string[] }
  | { ok: false; error: string };

type InventoryCluster = { key: string; resourceId: string; name: string; subscriptionId: string; resourceGroup: string };

/**
 * Everything one user or group can reach on the clusters Clusterdesk knows: the grants Clusterdesk
 * made (from its records) and AKS role assignments found in ARM at cluster or namespace scope (one
 * list per subscription), held directly or through groups (Graph's transitiveMemberOf). A team lead
 * sees only what lies in their own tenants' namespaces, as on the Access tab.
 */
export async function personAccess(objectId: string, viewer: Principal, correlationId: string): Promise<PersonAccess> {
  const lookup = await findDirectoryPrincipal(objectId);
  if (!lookup.ok) return { ok: false, error: `Microsoft Graph could not be asked who this is (${lookup.status ?? "no answer"}). Try again.` };
  if (!lookup.principal) return { ok: false, error: "No user or group with this object id exists in the directory." };
  const principal = lookup.principal;
  const memberships = await transitiveGroupsOf(principal);
  if (!memberships.ok) return { ok: false, error: `Microsoft Graph could not list ${principal.displayName}'s groups (${memberships.status ?? "no answer"}). Try again.` };
  const holders = new Map<string, PersonAccessEntry["via"]>([[principal.objectId, { kind: "direct" }]]);
  for (const group of memberships.groups) holders.set(group.objectId, { kind: "group", groupName: group.displayName });

  const clusters = await db().inventoryCluster.findMany({ select: { key: true, resourceId: true, name: true, subscriptionId: true, resourceGroup: true } });
  const byKey = new Map(clusters.map((cluster) => [cluster.key, cluster]));
  const grants = await db().namespaceAccessGrant.findMany({
    where: { principalId: { in: [...holders.keys()] }, revokedAt: null, ...grantVisibility(viewer) },
    orderBy: [{ clusterResourceId: "asc" }, { namespace: "asc" }],
  });
  const requests = await db().changeRequest.findMany({ where: { id: { in: grants.map((grant) => grant.requestId) } }, select: { id: true, number: true } });
  const numbers = new Map(requests.map((request) => [request.id, request.number]));
  const entries: PersonAccessEntry[] = grants.flatMap((grant) => {
    const cluster = byKey.get(grant.clusterResourceId);
    const via = holders.get(grant.principalId);
    if (!cluster || !via || !isAccessRole(grant.role)) return [];
    return [{ key: grant.id, cluster: clusterLink(cluster), namespace: grant.namespace, role: grant.role, via, source: { kind: "clusterdesk", requestNumber: numbers.get(grant.requestId) ?? null }, expiresAt: grant.expiresAt }];
  });
  const found = await foundAssignments(clusters, holders, new Set(grants.map((grant) => grant.externalId.toLowerCase())), viewer, correlationId);
  return { ok: true, principal, groupCount: memberships.groups.length, entries: [...entries, ...found.entries], warnings: found.warnings };
}

function clusterLink(cluster: InventoryCluster) {
  return { name: cluster.name, accessHref: `/clusters/${cluster.subscriptionId}/${cluster.resourceGroup}/${cluster.name}/access` };
}

/** Data-plane role assignments Clusterdesk did not make, at a known cluster or one of its namespaces. */
async function foundAssignments(clusters: InventoryCluster[], holders: Map<string, PersonAccessEntry["via"]>, clusterdesks: Set<string>, viewer: Principal, correlationId: string) {
  const readsAll = viewer.roles.includes("admin") || viewer.roles.includes("auditor");
  const environments = readsAll ? [] : await db().tenantEnvironment.findMany({ where: { tenantId: { in: [...viewer.ownedTenantIds] } }, select: { clusterResourceId: true, namespace: true } });
  const ownNamespaces = new Set(environments.map((environment) => `${environment.clusterResourceId}|${environment.namespace}`));
  const entries: PersonAccessEntry[] = [];
  const warnings: string[] = [];
  for (const subscriptionId of new Set(clusters.map((cluster) => cluster.subscriptionId))) {
    let listed;
    try {
      listed = await listRoleAssignmentsAround(subscriptionId, `/subscriptions/${subscriptionId}`, correlationId);
    } catch (error) {
      warnings.push(`Role assignments in subscription ${subscriptionId} could not be read (${armFailure(error).message}); access found there is missing.`);
      continue;
    }
    for (const assignment of listed) {
      const via = holders.get(assignment.principalId);
      const role = accessRoleOfDefinition(assignment.roleDefinitionId);
      if (!via || !role || clusterdesks.has(assignment.id.toLowerCase())) continue;
      for (const cluster of clusters.filter((candidate) => candidate.subscriptionId === subscriptionId)) {
        const scope = foundScopeOf(cluster.resourceId, assignment.scope);
        if (!scope || scope.kind === "inherited") continue;
        const namespace = scope.kind === "namespace" ? scope.namespace : null;
        if (!readsAll && (namespace === null || !ownNamespaces.has(`${clusterKey(cluster.resourceId)}|${namespace}`))) continue;
        entries.push({ key: assignment.id, cluster: clusterLink(cluster), namespace, role, via, source: { kind: "found-on-cluster" }, expiresAt: null });
      }
    }
  }
  return { entries, warnings };
}
