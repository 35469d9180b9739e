import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import { clusterKey } from "@/lib/clusters/resource-id";
import { portalCredential } from "@/lib/server/azure/credential";
import { userKubeconfig } from "@/lib/server/azure/managed-clusters";
import { type ApiServerEndpoint, parseUserKubeconfig } from "@/lib/server/kube/api-server-pool";

/** The AKS server application: the audience of tokens AKS API servers accept from Entra. */
const AKS_SERVER_SCOPE = "6dae42f8-4368-4678-94ff-3960e28e3630/.default";

/**
 * What the inventory keeps of a cluster's user kubeconfig between syncs: the API server's address and
 * CA, and the public FQDN ARM reported when they were fetched (a different FQDN means a recreated
 * cluster: fetch again). Never a token.
 */
export type KnownEndpoint = ApiServerEndpoint & { fqdn: string | null };

export type ApiServerAccess = { endpoint: KnownEndpoint; token: string; fetched: boolean };

/**
 * Local accounts' static tokens are secrets: kept in this process only, never in the database. A
 * restarted worker asks ARM again for the (few) clusters that still use local accounts.
 */
const localAccountTokens = new Map<string, string>();

/** The portal's token for AKS API servers, shared by every read of a sync until shortly before it expires. */
export function aksTokenSource(): () => Promise<string> {
  let current: { token: string; refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (current && Date.now() < current.refreshAt) return current.token;
    pending ??= portalCredential()
      .getToken(AKS_SERVER_SCOPE)
      .then((token) => {
        if (!token) throw new Error("No token for the AKS server application");
        current = { token: token.token, refreshAt: Math.min(token.expiresOnTimestamp - 5 * 60_000, Date.now() + 30 * 60_000) };
        return token.token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

/**
 * How to reach `cluster`'s API server: the endpoint known from an earlier sync while ARM reports the
 * same FQDN (and, for local accounts, this process still holds the token), else a fresh
 * listClusterUserCredential. ARM counts those POSTs as writes and throttles them, so a fleet's
 * steady-state sync makes none.
 */
/** Runs a task when a slot is free (bounded.ts `limiter`); the default runs it at once. */
export type Slot = <R>(task: () => Promise<R>) => Promise<R>;

/** `postSlot` bounds the credential POSTs alone, so they need not wait behind API-server reads. */
export async function apiServerAccess(
  cluster: Cluster,
  known: KnownEndpoint | null,
  aksToken: () => Promise<string>,
  forceFetch = false,
  postSlot: Slot = (task) => task(),
): Promise<ApiServerAccess> {
  const key = clusterKey(cluster.id);
  const fqdn = cluster.apiServerAccess.publicFqdn;
  const cachedToken = cluster.identity.managedAad ? null : localAccountTokens.get(key);
  const reusable = !forceFetch && known !== null && known.fqdn === fqdn && (cluster.identity.managedAad || cachedToken !== undefined);
  if (reusable) {
    return { endpoint: known, token: cachedToken ?? (await aksToken()), fetched: false };
  }
  const parsed = parseUserKubeconfig(await postSlot(() => userKubeconfig(cluster.id)));
  if (parsed.localToken) localAccountTokens.set(key, parsed.localToken);
  const token = cluster.identity.managedAad ? await aksToken() : parsed.localToken;
  if (!token) throw new Error("The cluster's kubeconfig has no token for its local account.");
  return { endpoint: { ...parsed.endpoint, fqdn }, token, fetched: true };
}

/** Whether a failed read with a known endpoint deserves a fresh one: no HTTP answer, or 401. */
export function mayBeStaleEndpoint(error: unknown): boolean {
  const code = error && typeof error === "object" && "code" in error ? error.code : undefined;
  return typeof code !== "number" || code === 401;
}
