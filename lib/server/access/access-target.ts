import "server-only";
import type { NamespaceAccessResource } from "@/lib/auth/policy";
import type { AccessRole } from "@/lib/access/roles";
import { clusterKey } from "@/lib/clusters/resource-id";
import { type DirectoryPrincipal, findDirectoryPrincipal, principalIsInGroups } from "@/lib/server/azure/directory-principals";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";

export type GrantTarget = { resource: NamespaceAccessResource; tenantId: string | null; principal: DirectoryPrincipal };
export type TargetOutcome = { ok: true; target: GrantTarget } | { ok: false; error: string; field?: "principalId" };

/**
 * The policy's view of a grant, all of it looked up on the server: the cluster (tags, hosted
 * tenants), the tenant whose environment the namespace is, the principal as the directory knows it,
 * and whether it belongs to one of that tenant's groups (transitively, per Graph).
 */
export async function grantTarget(clusterResourceId: string, role: AccessRole, namespace: string | null, principalObjectId: string): Promise<TargetOutcome> {
  const [cluster, environment, lookup] = await Promise.all([
    clusterResource(clusterResourceId),
    namespace === null
      ? null
      : db().tenantEnvironment.findUnique({
          where: { clusterResourceId_namespace: { clusterResourceId: clusterKey(clusterResourceId), namespace } },
          select: { tenant: { select: { id: true, ownerGroupId: true, memberGroupIds: true } } },
        }),
    findDirectoryPrincipal(principalObjectId),
  ]);
  if (!lookup.ok) return { ok: false, error: `Microsoft Graph could not be asked who ${principalObjectId} is (${lookup.status ?? "no answer"}). Nothing was recorded; try again.` };
  if (!lookup.principal) return { ok: false, error: "No user or group with this object id exists in the directory.", field: "principalId" };
  const tenant = environment?.tenant ?? null;
  let inTenantGroups = false;
  if (tenant) {
    const membership = await principalIsInGroups(lookup.principal, [tenant.ownerGroupId, ...tenant.memberGroupIds]);
    if (!membership.ok) return { ok: false, error: `Microsoft Graph could not be asked about ${lookup.principal.displayName}'s groups (${membership.status ?? "no answer"}). Nothing was recorded; try again.` };
    inTenantGroups = membership.member;
  }
  return {
    ok: true,
    target: {
      resource: { kind: "namespace-access", cluster, scope: namespace === null ? "cluster" : "namespace", namespaceTenantId: tenant?.id ?? null, role, principalInTenantGroups: inTenantGroups },
      tenantId: tenant?.id ?? null,
      principal: lookup.principal,
    },
  };
}
