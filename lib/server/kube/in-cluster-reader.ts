import "server-only";
import { CoreV1Api, KubeConfig, type V1Node } from "@kubernetes/client-node";
import { type ApiServerEndpoint, pooledKubeConfig } from "./api-server-pool";

/**
 * Reads what the inventory needs from one cluster's API server. SDK types stay in this folder:
 * callers get plain shapes.
 */

export type NamespaceRead = { name: string; labels: Record<string, string> };

export type NodeRead = {
  name: string;
  pool: string | null;
  ready: boolean;
  kubeletVersion: string | null;
  os: string | null;
};

export type InClusterRead = { namespaces: NamespaceRead[]; nodes: NodeRead[] };

export type ClusterCredentials = {
  /** The kubeconfig from listClusterUserCredential (YAML). */
  kubeconfig: string;
  /**
   * A bearer token for the AKS server application. Entra clusters' kubeconfigs carry an exec plugin
   * (kubelogin) or nothing as their user, so the portal authenticates with its own token instead;
   * clusters without Entra are reached with the kubeconfig's own (local account) user.
   */
  bearerToken: string | null;
};

export function kubeConfigFor({ kubeconfig, bearerToken }: ClusterCredentials): KubeConfig {
  const loaded = new KubeConfig();
  loaded.loadFromString(kubeconfig);
  const cluster = loaded.getCurrentCluster();
  if (!cluster) throw new Error("The kubeconfig names no current cluster");
  if (!bearerToken) return loaded;
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [cluster],
    users: [{ name: "clusterdesk", token: bearerToken }],
    contexts: [{ name: "clusterdesk", cluster: cluster.name, user: "clusterdesk" }],
    currentContext: "clusterdesk",
  });
  return config;
}

function toNode(node: V1Node): NodeRead {
  const labels = node.metadata?.labels ?? {};
  return {
    name: node.metadata?.name ?? "",
    pool: labels.agentpool ?? labels["kubernetes.azure.com/agentpool"] ?? null,
    ready: (node.status?.conditions ?? []).some((condition) => condition.type === "Ready" && condition.status === "True"),
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    os: labels["kubernetes.io/os"] ?? null,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The API server did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Namespaces (with labels) and nodes of one cluster. Throws when the API server cannot be read. */
export async function readInCluster(credentials: ClusterCredentials, timeoutMs = 15_000): Promise<InClusterRead> {
  return readWith(kubeConfigFor(credentials), timeoutMs);
}

/**
 * The same read at a known endpoint with a bearer token (the portal's, or a local account's), over
 * the API server's pooled connections: what the inventory sync uses for thousands of clusters.
 */
export async function readInClusterAt(endpoint: ApiServerEndpoint, token: string, timeoutMs = 15_000): Promise<InClusterRead> {
  return readWith(pooledKubeConfig(endpoint, token), timeoutMs);
}

async function readWith(config: KubeConfig, timeoutMs: number): Promise<InClusterRead> {
  const core = config.makeApiClient(CoreV1Api);
  const [namespaces, nodes] = await withTimeout(Promise.all([core.listNamespace(), core.listNode()]), timeoutMs);
  return {
    namespaces: namespaces.items.map((ns) => ({ name: ns.metadata?.name ?? "", labels: ns.metadata?.labels ?? {} })).filter((ns) => ns.name !== ""),
    nodes: nodes.items.map(toNode),
  };
}

/** A short, user-presentable reason for a failed read (no tokens or bodies). */
export function describeKubeFailure(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "number") {
    if (error.code === 401) return "The API server refused the portal's credentials (401).";
    if (error.code === 403) return "The portal's identity may not list namespaces and nodes (403).";
    return `The API server answered ${error.code}.`;
  }
  return error instanceof Error ? error.message : String(error);
}
