import type { Cluster } from "./cluster";

/**
 * How reachable a cluster's API server is, in the three classes the inventory filters by. A private
 * cluster wins over any allow-list (ARM refuses ranges on private clusters anyway); an empty
 * allow-list on a public API server means "no restriction", so it is open.
 */
export type ApiServerExposure = "private" | "authorized-ranges" | "open";

export const exposureLabels: Record<ApiServerExposure, string> = {
  private: "Private",
  "authorized-ranges": "Authorized IP ranges",
  open: "Open to the internet",
};

export function apiServerExposure(cluster: Pick<Cluster, "apiServerAccess">): ApiServerExposure {
  const access = cluster.apiServerAccess;
  if (access.privateCluster) return "private";
  return access.authorizedIpRanges.length > 0 ? "authorized-ranges" : "open";
}
