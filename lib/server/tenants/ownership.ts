import "server-only";
import { db } from "@/lib/server/db/client";

/** Ids of the tenants whose owner group is among `groupIds`: their members are the tenant's team leads. */
export async function ownedTenantIds(groupIds: readonly string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const tenants = await db().tenant.findMany({
    // An archived tenant keeps its record (and audit history) but makes nobody a lead.
    where: { ownerGroupId: { in: groupIds.map((id) => id.toLowerCase()) }, archivedAt: null },
    select: { id: true },
  });
  return tenants.map((tenant) => tenant.id);
}
