import type { AzureSideForKubernetes, EmulatedClusterView } from "../../contracts";
import { localAccountToken } from "../../arm/kubeconfig";
import { requesterOf, type Requester } from "./attributes";

/**
 * Who a bearer token is on this cluster. Entra tokens (audience: the AKS server application) count
 * only on Entra-enabled clusters. The static local-account tokens of the ARM side's admin/user
 * kubeconfigs count only while local accounts are enabled; like AKS's client certificate
 * (CN=masterclient, O=system:masters) they make the caller a cluster admin through the
 * `cluster-admin` binding of `system:masters`.
 */
export async function authenticateBearer(azure: AzureSideForKubernetes, cluster: EmulatedClusterView, token: string): Promise<Requester | null> {
  if (!cluster.localAccountsDisabled) {
    for (const account of ["clusterAdmin", "clusterUser"] as const) {
      if (token === localAccountToken(cluster.resourceId, account)) {
        return { name: "masterclient", groups: ["system:masters", "system:authenticated"], principalIds: [] };
      }
    }
  }
  if (!cluster.managedAad) return null;
  const identity = await azure.authenticate(token);
  return identity ? requesterOf(identity) : null;
}
