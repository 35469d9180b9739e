import "server-only";
import type { NetworkPolicyEngine, NodePoolMode, OutboundType, PowerState, ProvisioningState } from "@/lib/clusters/cluster";

/**
 * ARM's enums are open (`type NetworkPolicy = string` in the SDK): new values appear without a new SDK.
 * Unknown values map to an explicit "unrecognized"/"Unknown" instead of a guess, so a posture rule
 * can say "unknown" rather than pass or fail on a value it does not understand.
 */
function pick<T extends string>(value: string | undefined, known: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  return known.find((k) => k.toLowerCase() === value.toLowerCase()) ?? fallback;
}

const provisioningStates = ["Succeeded", "Creating", "Updating", "Deleting", "Failed", "Canceled", "Upgrading"] as const;
export const toProvisioningState = (value: string | undefined): ProvisioningState => pick<ProvisioningState>(value, provisioningStates, "Unknown");

export const toPowerState = (value: string | undefined): PowerState => pick<PowerState>(value, ["Running", "Stopped"], "Unknown");

export const toNodePoolMode = (value: string | undefined): NodePoolMode => pick<NodePoolMode>(value, ["System", "User", "Gateway"], "Unknown");

export const toOsType = (value: string | undefined): "Linux" | "Windows" | "Unknown" =>
  pick<"Linux" | "Windows" | "Unknown">(value, ["Linux", "Windows"], "Unknown");

/** An absent `networkPlugin` is reported as kubenet by older clusters; Clusterdesk does not guess. */
export const toNetworkPlugin = (value: string | undefined): "azure" | "kubenet" | "none" | "unrecognized" =>
  pick<"azure" | "kubenet" | "none" | "unrecognized">(value, ["azure", "kubenet", "none"], "unrecognized");

/** An absent `networkPolicy` means no network policy engine is installed. */
export const toNetworkPolicy = (value: string | undefined): NetworkPolicyEngine =>
  value === undefined ? "none" : pick<NetworkPolicyEngine>(value, ["none", "calico", "azure", "cilium"], "unrecognized");

/** `outboundType` defaults to loadBalancer in the ARM schema (managedClusters.json, networkProfile.outboundType). */
export const toOutboundType = (value: string | undefined): OutboundType =>
  value === undefined
    ? "loadBalancer"
    : pick<OutboundType>(value, ["loadBalancer", "userDefinedRouting", "managedNATGateway", "userAssignedNATGateway", "none"], "unrecognized");
