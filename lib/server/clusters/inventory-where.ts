import "server-only";
import type { InventoryListQuery, SortKey } from "@/lib/clusters/inventory-query";
import type { ClusterExposure, Prisma } from "@/lib/generated/prisma/client";

/** Which clusters a user may see: all of them, or those with these cluster keys (their tenants' clusters). */
export type ClusterScope = { all: true } | { all: false; clusterKeys: readonly string[] };

export const exposureColumn = { private: "private", "authorized-ranges": "authorized_ranges", open: "open" } as const satisfies Record<string, ClusterExposure>;

const postureWhere: Record<NonNullable<InventoryListQuery["posture"]>, Prisma.InventoryClusterWhereInput> = {
  high: { failingHigh: { gt: 0 } },
  medium: { failingMedium: { gt: 0 } },
  low: { failingLow: { gt: 0 } },
  clean: { failingHigh: 0, failingMedium: 0, failingLow: 0 },
};

/**
 * Prisma turns `contains`/`startsWith` into LIKE/ILIKE without escaping LIKE's wildcards, so a typed
 * `_` or `%` would match any character(s). PostgreSQL's default LIKE escape character is the backslash.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The list's filters as a Prisma where clause; the scope is always applied, whatever the URL says. */
export function inventoryWhere(scope: ClusterScope, query: InventoryListQuery, omit?: "subscriptionId" | "location" | "kubernetesVersion"): Prisma.InventoryClusterWhereInput {
  const and: Prisma.InventoryClusterWhereInput[] = [];
  if (!scope.all) and.push({ key: { in: [...scope.clusterKeys] } });
  if (query.search) {
    const contains = { contains: likeLiteral(query.search), mode: "insensitive" as const };
    and.push({ OR: [{ name: contains }, { resourceGroup: contains }] });
  }
  if (query.subscriptionId && omit !== "subscriptionId") and.push({ subscriptionId: query.subscriptionId });
  if (query.location && omit !== "location") and.push({ location: query.location });
  if (query.kubernetesVersion && omit !== "kubernetesVersion") and.push({ kubernetesVersion: { startsWith: likeLiteral(query.kubernetesVersion) } });
  if (query.exposure) and.push({ exposure: exposureColumn[query.exposure] });
  if (query.posture) and.push(postureWhere[query.posture]);
  return and.length === 0 ? {} : { AND: and };
}

const sortColumns: Record<SortKey, (direction: Prisma.SortOrder) => Prisma.InventoryClusterOrderByWithRelationInput[]> = {
  name: (d) => [{ name: d }, { key: "asc" }],
  score: (d) => [{ postureScore: d }, { name: "asc" }, { key: "asc" }],
  findings: (d) => [{ failingHigh: d }, { failingMedium: d }, { failingLow: d }, { name: "asc" }, { key: "asc" }],
  version: (d) => [{ kubernetesVersion: { sort: d, nulls: "last" } }, { name: "asc" }, { key: "asc" }],
  location: (d) => [{ location: d }, { name: "asc" }, { key: "asc" }],
  subscription: (d) => [{ subscriptionId: d }, { name: "asc" }, { key: "asc" }],
  synced: (d) => [{ syncedAt: d }, { name: "asc" }, { key: "asc" }],
};

/** A total order (the key breaks ties) so that pages never repeat or skip a cluster. */
export function inventoryOrderBy(query: InventoryListQuery): Prisma.InventoryClusterOrderByWithRelationInput[] {
  return sortColumns[query.sort](query.direction);
}
