import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** The same rule as SQL over an array of group ids, for reads that fetch it with the session (sessions.ts). */
export function ownedTenantIdsSql(groupIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT t.id FROM tenant t WHERE t.archived_at IS NULL AND t.owner_group_id IN (SELECT lower(g) FROM unnest(${groupIds}) AS g))`;
}
