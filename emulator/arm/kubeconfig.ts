import { dump } from "js-yaml";
import { kubernetesServerUrl } from "../contracts";
import type { ClusterRecord } from "../state";
import { stableHash } from "./stable-ids";

/**
 * The kubeconfig listClusterUserCredential / listClusterAdminCredential return. Entra-enabled clusters'
 * user entry is what AKS writes: kubelogin's exec plugin (`format=exec`, the default) or the legacy
 * `azure` auth-provider (`format=azure`); both name the public cloud, as AKS's do, so a kubectl user
 * of the emulator passes a token instead (the portal uses the cluster entry and its own token).
 * Clusters with local accounts get a static token the Kubernetes side checks with `localAccountToken`.
 * Private clusters name their private FQDN, unreachable from here, as in Azure.
 */
export type KubeconfigFormat = "exec" | "azure";

/** The AKS AAD server application and the Azure CLI's public client, as in AKS's kubeconfigs. */
const aksServerId = "6dae42f8-4368-4678-94ff-3960e28e3630";
const aksClientId = "80faf920-1908-4b52-b5ef-a8e7bedfc67a";
const installHint = "\nkubelogin is not installed which is required to connect to AAD enabled cluster.\n\nTo learn more, please go to https://aka.ms/aks/kubelogin\n";

export function localAccountToken(clusterResourceId: string, account: "clusterUser" | "clusterAdmin"): string {
  return `${account}.${stableHash(`${clusterResourceId}|${account}`, 40)}`;
}

function entraUser(tenantId: string, format: KubeconfigFormat): Record<string, unknown> {
  if (format === "azure") {
    return { "auth-provider": { name: "azure", config: { "apiserver-id": aksServerId, "client-id": aksClientId, "config-mode": "1", environment: "AzurePublicCloud", "tenant-id": tenantId } } };
  }
  return {
    exec: {
      apiVersion: "client.authentication.k8s.io/v1beta1",
      args: ["get-token", "--login", "devicecode", "--server-id", aksServerId, "--client-id", aksClientId, "--tenant-id", tenantId, "--environment", "AzurePublicCloud"],
      command: "kubelogin",
      env: null,
      installHint,
      provideClusterInfo: false,
    },
  };
}

export function kubeconfigFor(cluster: ClusterRecord, emulatorUrl: string, caPem: string, account: "clusterUser" | "clusterAdmin", format: KubeconfigFormat = "exec"): string {
  const { resource, resourceGroup, subscriptionId } = cluster;
  const properties = resource.properties;
  const isPrivate = properties.apiServerAccessProfile?.enablePrivateCluster === true;
  const server = isPrivate
    ? `https://${properties.privateFQDN ?? `${resource.name}.privatelink.${resource.location}.azmk8s.io`}:443`
    : kubernetesServerUrl(emulatorUrl, { subscriptionId, resourceGroup, name: resource.name });
  const tenantId = properties.aadProfile?.managed === true && account === "clusterUser" ? properties.aadProfile.tenantID : undefined;
  const userName = `${account}_${resourceGroup}_${resource.name}`;
  return dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: resource.name, cluster: { "certificate-authority-data": Buffer.from(caPem).toString("base64"), server } }],
    contexts: [{ name: account === "clusterAdmin" ? `${resource.name}-admin` : resource.name, context: { cluster: resource.name, user: userName } }],
    "current-context": account === "clusterAdmin" ? `${resource.name}-admin` : resource.name,
    preferences: {},
    users: [{ name: userName, user: tenantId !== undefined ? entraUser(tenantId, format) : { token: localAccountToken(resource.id, account) } }],
  });
}
