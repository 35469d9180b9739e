import "server-only";
import { KubeConfig } from "@kubernetes/client-node";

/**
 * Where and how to reach one cluster's API server: the cluster entry of its user kubeconfig. Public
 * facts (an address and a CA certificate), so the inventory may keep them between syncs.
 */
export type ApiServerEndpoint = { server: string; caData: string | null; tlsServerName: string | null; skipTlsVerify: boolean };

type RequestContext = Parameters<KubeConfig["applySecurityAuthentication"]>[0];
type Dispatcher = NonNullable<ReturnType<RequestContext["getDispatcher"]>>;

/**
 * client-node builds a new undici Agent for every request (`applySecurityAuthentication`), so each
 * request paid a TLS handshake and a new secure context (the CA parsed again): a sixth of the sync's
 * CPU at 2,000 clusters. Connections are pooled here instead, one Agent per API server origin and TLS
 * settings, kept alive by undici between requests. Bounded: the least recently used pool is closed.
 */
const MAX_POOLS = 512;
const pools = new Map<string, Dispatcher>();

function poolKey(endpoint: ApiServerEndpoint): string {
  return JSON.stringify([new URL(endpoint.server).origin, endpoint.caData, endpoint.tlsServerName, endpoint.skipTlsVerify]);
}

function pooled(key: string, created: Dispatcher | undefined): Dispatcher | undefined {
  const existing = pools.get(key);
  if (existing) {
    pools.delete(key);
    pools.set(key, existing);
    // An Agent built by a request that started before the pool existed never connected: dropping it costs nothing.
    return existing;
  }
  if (!created) return undefined;
  pools.set(key, created);
  if (pools.size > MAX_POOLS) {
    const [oldestKey, oldest] = pools.entries().next().value ?? [];
    if (oldestKey !== undefined) pools.delete(oldestKey);
    void oldest?.close().catch(() => undefined);
  }
  return created;
}

/** A KubeConfig whose requests share their API server's connection pool. */
class PooledKubeConfig extends KubeConfig {
  constructor(
    private readonly key: string,
    private readonly token: string,
  ) {
    super();
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    const existing = pooled(this.key, undefined);
    if (existing) {
      // What super would do for a bearer-token user, without building (and dropping) an Agent with
      // its CA decoded: at 2,000 clusters that was a throw-away Agent for every request.
      context.setHeaderParam("Authorization", `Bearer ${this.token}`);
      context.setDispatcher(existing);
      return;
    }
    await super.applySecurityAuthentication(context);
    const dispatcher = pooled(this.key, context.getDispatcher());
    if (dispatcher) context.setDispatcher(dispatcher);
  }
}

/** A KubeConfig for `endpoint` authenticated with a bearer token, its connections pooled. */
export function pooledKubeConfig(endpoint: ApiServerEndpoint, token: string): KubeConfig {
  const config = new PooledKubeConfig(poolKey(endpoint), token);
  config.loadFromOptions({
    clusters: [{ name: "cluster", server: endpoint.server, caData: endpoint.caData ?? undefined, tlsServerName: endpoint.tlsServerName ?? undefined, skipTLSVerify: endpoint.skipTlsVerify }],
    users: [{ name: "clusterdesk", token }],
    contexts: [{ name: "clusterdesk", cluster: "cluster", user: "clusterdesk" }],
    currentContext: "clusterdesk",
  });
  return config;
}

/** The API server's cluster entry and, on clusters with local accounts, the user's static token. */
export function parseUserKubeconfig(kubeconfig: string): { endpoint: ApiServerEndpoint; localToken: string | null } {
  const loaded = new KubeConfig();
  loaded.loadFromString(kubeconfig);
  const cluster = loaded.getCurrentCluster();
  if (!cluster) throw new Error("The kubeconfig names no current cluster");
  return {
    endpoint: { server: cluster.server, caData: cluster.caData ?? null, tlsServerName: cluster.tlsServerName ?? null, skipTlsVerify: cluster.skipTLSVerify },
    localToken: loaded.getCurrentUser()?.token ?? null,
  };
}

/** How many API servers have a live pool (for tests and the benchmark). */
export function pooledApiServers(): number {
  return pools.size;
}
