import { createHash } from "node:crypto";
import type { EmulatedAgentPool, EmulatedClusterView } from "../../contracts";
import type { JsonObject } from "../json";

/** Nodes are seeded per agent pool, at most this many per pool: enough to list, cheap to serve. */
export const maxNodesPerPool = 3;

/** `key=value:Effect` (or `key:Effect`), the format of agentPoolProfiles[].nodeTaints. */
export function parseTaint(text: string): JsonObject | undefined {
  const match = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(text.trim());
  if (!match) return undefined;
  const [, key = "", value, effect = ""] = match;
  return value === undefined ? { key, effect } : { key, value, effect };
}

/** AKS names VMSS nodes `aks-{pool}-{8 digits}-vmss{6 base-36 digits}`; Windows ones `{pool[:6]}{6 digits}`. */
function nodeName(cluster: EmulatedClusterView, pool: EmulatedAgentPool, index: number): string {
  const digits = String(parseInt(createHash("sha256").update(`${cluster.resourceId}/${pool.name}`).digest("hex").slice(0, 8), 16) % 1e8).padStart(8, "0");
  const instance = index.toString(36).padStart(6, "0");
  return pool.osType === "Windows" ? `${pool.name.slice(0, 6)}${instance}` : `aks-${pool.name}-${digits}-vmss${instance}`;
}

export function nodesOf(cluster: EmulatedClusterView): JsonObject[] {
  return cluster.agentPools.flatMap((pool) =>
    Array.from({ length: Math.min(pool.count, maxNodesPerPool) }, (_, index) => {
      const name = nodeName(cluster, pool, index);
      const os = pool.osType === "Windows" ? "windows" : "linux";
      const taints = pool.nodeTaints.map(parseTaint).filter((taint): taint is JsonObject => taint !== undefined);
      return {
        apiVersion: "v1",
        kind: "Node",
        metadata: {
          name,
          labels: {
            agentpool: pool.name,
            "kubernetes.azure.com/agentpool": pool.name,
            "kubernetes.azure.com/mode": pool.mode.toLowerCase(),
            "kubernetes.azure.com/cluster": `MC_${cluster.resourceGroup}_${cluster.name}_${cluster.location}`,
            "kubernetes.io/os": os,
            "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": name,
            "node.kubernetes.io/instance-type": pool.vmSize,
            "topology.kubernetes.io/region": cluster.location,
            ...pool.nodeLabels,
          },
        },
        spec: { providerID: `azure:///subscriptions/${cluster.subscriptionId}/resourceGroups/mc_${cluster.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`, ...(taints.length > 0 ? { taints } : {}) },
        status: {
          conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }],
          nodeInfo: { kubeletVersion: `v${cluster.kubernetesVersion}`, operatingSystem: os, architecture: "amd64", osImage: os === "windows" ? "Windows Server 2022 Datacenter" : "Ubuntu 22.04.5 LTS", containerRuntimeVersion: "containerd://1.7.25-1" },
        },
      };
    }),
  );
}
