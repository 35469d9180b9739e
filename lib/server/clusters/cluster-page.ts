import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { authorizePage, type CurrentUser } from "@/lib/server/auth/current-user";
import { productionByTags } from "./cluster-resource";
import { type ClusterDetail, findClusterDetail } from "./inventory-read";

export type ClusterRouteParams = { subscriptionId: string; resourceGroup: string; name: string };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * For the cluster's pages (layout, overview, IP ranges): the cached cluster and the user allowed to
 * see it. Unknown clusters are a 404; a cluster hosting none of a team lead's tenants an audited 403.
 * Cached per request so the layout and the page look it up once.
 */
export const clusterForPage = cache(async (subscriptionId: string, resourceGroup: string, name: string): Promise<{ user: CurrentUser; detail: ClusterDetail }> => {
  const detail = await findClusterDetail({ subscriptionId: decoded(subscriptionId), resourceGroup: decoded(resourceGroup), name: decoded(name) });
  if (!detail) notFound();
  const user = await authorizePage("cluster.view", { kind: "cluster", hostedTenantIds: detail.hostedTenantIds, production: productionByTags(detail.cluster) });
  return { user, detail };
});
