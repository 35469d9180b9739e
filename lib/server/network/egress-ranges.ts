import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import { publicIpAddressOf } from "@/lib/server/azure/public-ip-addresses";

/**
 * The cluster's own outbound IPs as /32 ranges. Removing them from the allow-list would cut the
 * cluster's nodes off from their own API server (traffic from the nodes leaves through these IPs),
 * so Clusterdesk refuses such removals. Egress through user-defined routing (a firewall) is not
 * visible in the cluster resource; then nothing can be protected, which `complete` reports.
 */
export async function egressRangesOf(cluster: Cluster, correlationId?: string): Promise<{ ranges: string[]; complete: boolean }> {
  const addresses = await Promise.all(
    cluster.network.egressIps.map((egress) => egress.address ?? publicIpAddressOf(egress.publicIpResourceId, correlationId)),
  );
  const ranges = addresses.filter((address): address is string => address !== null).map((address) => `${address}/32`);
  return { ranges, complete: cluster.network.egressIpsComplete && ranges.length === cluster.network.egressIps.length };
}
