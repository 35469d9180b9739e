import { createHash } from "node:crypto";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { ArmError, sendArm } from "./errors";

/**
 * Microsoft.Network/publicIPAddresses, GET only, for the outbound (egress) IPs the seeded clusters'
 * load balancers reference: the cluster resource names them by id, the address lives here. Each gets
 * a stable address derived from its id, in 20.0.0.0/8 (a range Azure allocates public IPs from).
 */
export function egressAddressFor(resourceId: string): string {
  const digest = createHash("sha256").update(resourceId.toLowerCase()).digest();
  return `20.${digest[0] ?? 0}.${digest[1] ?? 0}.${1 + ((digest[2] ?? 0) % 254)}`;
}

function referencedByACluster(runtime: Runtime, id: string): boolean {
  return runtime.state().clusters.some((cluster) => {
    const profile = cluster.resource.properties.networkProfile?.loadBalancerProfile as { effectiveOutboundIPs?: { id?: string }[] } | undefined;
    return profile?.effectiveOutboundIPs?.some((ip) => ip.id?.toLowerCase() === id.toLowerCase()) ?? false;
  });
}

export function getPublicIpAddress(exchange: Exchange, runtime: Runtime, subscriptionId: string, resourceGroup: string, name: string): void {
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/publicIPAddresses/${name}`;
  if (!referencedByACluster(runtime, id)) {
    throw new ArmError(404, "ResourceNotFound", `The Resource 'Microsoft.Network/publicIPAddresses/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
  }
  sendArm(exchange, 200, {
    id,
    name,
    type: "Microsoft.Network/publicIPAddresses",
    location: runtime.state().clusters.find((cluster) => cluster.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())?.resource.location ?? "westeurope",
    sku: { name: "Standard", tier: "Regional" },
    properties: { provisioningState: "Succeeded", ipAddress: egressAddressFor(id), publicIPAddressVersion: "IPv4", publicIPAllocationMethod: "Static", idleTimeoutInMinutes: 4 },
  });
}
