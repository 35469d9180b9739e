import ipaddr from "ipaddr.js";
import type { ManagedClusterPropertiesWire } from "../state";
import { ArmError } from "./errors";

/**
 * Request validation AKS performs before accepting a PUT. Codes follow the real service where known
 * (InvalidParameter with a `target`); messages are close paraphrases, not byte-for-byte copies.
 */
export const maxAuthorizedIpRanges = 200;
const clusterName = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;
const enums: Record<string, { values: string[]; read: (p: ManagedClusterPropertiesWire) => unknown }> = {
  "networkProfile.networkPlugin": { values: ["azure", "kubenet", "none"], read: (p) => p.networkProfile?.networkPlugin },
  "networkProfile.networkPolicy": { values: ["none", "calico", "azure", "cilium"], read: (p) => p.networkProfile?.networkPolicy },
  "networkProfile.outboundType": {
    values: ["loadBalancer", "userDefinedRouting", "managedNATGateway", "userAssignedNATGateway", "none"],
    read: (p) => p.networkProfile?.outboundType,
  },
};

const invalid = (target: string, message: string) => new ArmError(400, "InvalidParameter", message, target);

export function isValidCidr(value: string): boolean {
  if (typeof value !== "string" || value.trim() !== value || value === "") return false;
  if (value.includes("/")) {
    try {
      ipaddr.parseCIDR(value);
      return /^[0-9a-fA-F.:]+\/\d{1,3}$/.test(value);
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(value) && (ipaddr.IPv4.isValidFourPartDecimal(value) || ipaddr.IPv6.isValid(value));
}

export function validateClusterName(name: string): ArmError | undefined {
  if (clusterName.test(name)) return undefined;
  return invalid("resourceName", `Resource name '${name}' is invalid. It can contain only letters, numbers, underscores and hyphens, must start and end with a letter or number, and be 1 to 63 characters long.`);
}

export function validateClusterProperties(properties: ManagedClusterPropertiesWire, creating: boolean): ArmError | undefined {
  const access = properties.apiServerAccessProfile;
  const ranges = access?.authorizedIPRanges ?? [];
  if (!Array.isArray(ranges)) return invalid("properties.apiServerAccessProfile.authorizedIPRanges", "authorizedIPRanges must be an array of CIDRs.");
  if (ranges.length > maxAuthorizedIpRanges) {
    return invalid("properties.apiServerAccessProfile.authorizedIPRanges", `The number of authorized IP ranges (${ranges.length}) exceeds the maximum of ${maxAuthorizedIpRanges}.`);
  }
  const bad = ranges.find((range) => !isValidCidr(range));
  if (bad !== undefined) {
    return invalid("properties.apiServerAccessProfile.authorizedIPRanges", `Invalid authorized IP range '${String(bad)}': it is not a valid IP address or CIDR. Please see https://aka.ms/aks/auth-ip-ranges.`);
  }
  if (access?.enablePrivateCluster && ranges.length > 0) {
    return invalid("properties.apiServerAccessProfile.authorizedIPRanges", "API server authorized IP ranges are not supported on private clusters. Please see https://aka.ms/aks/private-cluster.");
  }
  for (const [target, rule] of Object.entries(enums)) {
    const value = rule.read(properties);
    if (value !== undefined && !rule.values.includes(String(value))) {
      return invalid(`properties.${target}`, `The value '${String(value)}' of parameter '${target}' is invalid. Allowed values are: ${rule.values.join(", ")}.`);
    }
  }
  if (creating && !(properties.agentPoolProfiles ?? []).some((pool) => pool.mode === "System")) {
    return new ArmError(400, "MustDefineAtLeastOneSystemPool", "Must define at least one system pool.", "properties.agentPoolProfiles");
  }
  if (properties.disableLocalAccounts && !properties.aadProfile?.managed) {
    return new ArmError(400, "BadRequest", "Local accounts can be disabled only for clusters with Entra ID (managed AAD) integration enabled.", "properties.disableLocalAccounts");
  }
  return undefined;
}
