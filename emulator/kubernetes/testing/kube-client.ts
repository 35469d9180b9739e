import { ApiException, KubeConfig } from "@kubernetes/client-node";
import type { ClusterKey } from "../../contracts";
import type { StandaloneServer } from "./standalone-server";

/** A KubeConfig for one cluster and one bearer token, as the portal builds it. */
export function kubeConfigFor(server: StandaloneServer, cluster: ClusterKey, token: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: cluster.name, server: server.serverUrl(cluster), caData: Buffer.from(server.caPem).toString("base64"), skipTLSVerify: false }],
    users: [{ name: "user", token }],
    contexts: [{ name: "ctx", cluster: cluster.name, user: "user" }],
    currentContext: "ctx",
  });
  return kc;
}

/** The Status body and code of a failed client-node call (its `body` is the raw JSON string). */
export async function failure(promise: Promise<unknown>): Promise<{ code: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) {
      const raw: unknown = error.body;
      return { code: error.code, body: typeof raw === "string" && raw.startsWith("{") ? JSON.parse(raw) : raw };
    }
    throw error;
  }
  throw new Error("expected the call to fail");
}
