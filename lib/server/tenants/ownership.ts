import "server-only";
import { db } from "@/lib/server/db/client";

/** Ids of the tenants whose owner group is among `groupIds`: their members are the tenant's team leads. */
export async function ownedTenantIds(groupIds: readonly string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const tenants = await db().tenant.findMany({
    where: { ownerGroupId: { in: groupIds.map((id) => id.toLowerCase()) } },
    select: { id: true },
  });
  return tenants.map((tenant) => tenant.id);
}
