import "server-only";
import { can, type Principal } from "@/lib/auth/policy";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";

export type TenantSummary = {
  id: string;
  slug: string;
  displayName: string;
  ownerGroupId: string;
  costCentre: string | null;
  /** Archived tenants keep their record (and history); only admins and auditors still see them. */
  archived: boolean;
  environments: { name: string; clusterName: string; resourceGroup: string; subscriptionId: string; namespace: string }[];
};

/** The tenants a principal may see (policy `tenant.view`), with their environments. */
export async function listVisibleTenants(principal: Principal): Promise<TenantSummary[]> {
  const tenants = await db().tenant.findMany({
    orderBy: { displayName: "asc" },
    select: { id: true, slug: true, displayName: true, ownerGroupId: true, costCentre: true, archivedAt: true, environments: { select: { name: true, clusterResourceId: true, namespace: true }, orderBy: { namespace: "asc" } } },
  });
  return tenants
    .filter((tenant) => can(principal, "tenant.view", { kind: "tenant", tenantId: tenant.id }))
    .map(({ archivedAt, ...tenant }) => ({
      ...tenant,
      archived: archivedAt !== null,
      environments: tenant.environments.map((environment) => {
        const cluster = parseClusterResourceId(environment.clusterResourceId);
        return {
          name: environment.name,
          namespace: environment.namespace,
          clusterName: cluster?.name ?? environment.clusterResourceId,
          resourceGroup: cluster?.resourceGroup ?? "",
          subscriptionId: cluster?.subscriptionId ?? "",
        };
      }),
    }));
}
