import { dump } from "js-yaml";
import { kubernetesServerUrl } from "../contracts";
import type { ClusterRecord } from "../state";
import { stableHash } from "./derived-fields";

/**
 * The kubeconfig listClusterUserCredential / listClusterAdminCredential return. Entra-enabled clusters
 * get a user without credentials (callers add a bearer token for the AKS server application instead
 * of running kubelogin); clusters with local accounts get a static token the Kubernetes side can check
 * with `localAccountToken`. Private clusters name their private FQDN, unreachable from here, as in Azure.
 */
export function localAccountToken(clusterResourceId: string, account: "clusterUser" | "clusterAdmin"): string {
  return `${account}.${stableHash(`${clusterResourceId}|${account}`, 40)}`;
}

export function kubeconfigFor(cluster: ClusterRecord, emulatorUrl: string, caPem: string, account: "clusterUser" | "clusterAdmin"): string {
  const { resource, resourceGroup, subscriptionId } = cluster;
  const properties = resource.properties;
  const isPrivate = properties.apiServerAccessProfile?.enablePrivateCluster === true;
  const server = isPrivate
    ? `https://${properties.privateFQDN ?? `${resource.name}.privatelink.${resource.location}.azmk8s.io`}:443`
    : kubernetesServerUrl(emulatorUrl, { subscriptionId, resourceGroup, name: resource.name });
  const usesEntra = properties.aadProfile?.managed === true && account === "clusterUser";
  const userName = `${account}_${resourceGroup}_${resource.name}`;
  return dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: resource.name, cluster: { "certificate-authority-data": Buffer.from(caPem).toString("base64"), server } }],
    contexts: [{ name: account === "clusterAdmin" ? `${resource.name}-admin` : resource.name, context: { cluster: resource.name, user: userName } }],
    "current-context": account === "clusterAdmin" ? `${resource.name}-admin` : resource.name,
    preferences: {},
    users: [{ name: userName, user: usesEntra ? {} : { token: localAccountToken(resource.id, account) } }],
  });
}
