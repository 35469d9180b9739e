import "server-only";
import type { PickerOption } from "@/lib/access/people-picker";
import type { ReviewQuery } from "@/lib/audit/review-query";
import type { Principal } from "@/lib/auth/policy";
import { clusterScopeFor } from "@/lib/server/clusters/inventory-read";
import { db } from "@/lib/server/db/client";
import { listVisibleTenants } from "@/lib/server/tenants/list-tenants";

export type ReviewOption = { value: string; label: string };

/** The clusters and tenants the reader may filter by: those the policy lets them see. */
export async function reviewFilterOptions(principal: Principal): Promise<{ clusters: ReviewOption[]; tenants: ReviewOption[] }> {
  const [scope, tenants] = await Promise.all([clusterScopeFor(principal), listVisibleTenants(principal)]);
  const clusters = await db().inventoryCluster.findMany({
    where: scope.all ? {} : { key: { in: [...scope.clusterKeys] } },
    orderBy: [{ name: "asc" }, { key: "asc" }],
    select: { key: true, name: true, resourceGroup: true },
    take: 500,
  });
  return {
    clusters: clusters.map((cluster) => ({ value: cluster.key, label: `${cluster.name} (${cluster.resourceGroup})` })),
    tenants: tenants.map((tenant) => ({ value: tenant.id, label: tenant.displayName })),
  };
}

/**
 * What the person filter shows for the person in the URL. Admins and auditors see the name of
 * anyone who signed in; a lead only their own (their picker finds only their tenants' members, and a
 * typed object id must not become a way to look names up), anyone else as the id itself.
 */
export async function reviewPersonOption(principal: Principal, person: ReviewQuery["person"]): Promise<PickerOption | null> {
  if (person === undefined) return null;
  if ("upn" in person) return { objectId: person.upn, type: "User", displayName: person.upn, detail: "user principal name" };
  const readsAll = principal.roles.includes("admin") || principal.roles.includes("auditor") || person.objectId === principal.objectId;
  const user = readsAll ? await db().user.findUnique({ where: { id: person.objectId }, select: { displayName: true, userPrincipalName: true } }) : null;
  return { objectId: person.objectId, type: "User", displayName: user?.displayName ?? person.objectId, detail: user?.userPrincipalName ?? "object id" };
}
