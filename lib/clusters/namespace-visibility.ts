import type { Principal } from "@/lib/auth/policy";

/**
 * The namespaces of a shared cluster a viewer may see listed: admins and auditors every one; a team
 * lead only their own tenants' (another team's namespaces, their labels and owners on a shared cluster
 * are that team's business, as their access grants are).
 */
export function namespacesVisibleTo<T extends { name: string }>(namespaces: readonly T[], owners: Readonly<Record<string, { tenantId: string }>>, viewer: Principal): T[] {
  if (viewer.roles.includes("admin") || viewer.roles.includes("auditor")) return [...namespaces];
  return namespaces.filter((namespace) => {
    const owner = owners[namespace.name];
    return owner !== undefined && viewer.ownedTenantIds.includes(owner.tenantId);
  });
}
