import "server-only";
import { readFile } from "node:fs/promises";

/**
 * The federated token Azure workload identity projects into the pod (a Kubernetes service-account
 * token for the audience api://AzureADTokenExchange). Read on every use, never cached: the kubelet
 * replaces the file before the token expires, and Entra ID caches what it is exchanged for anyway.
 */
export function federatedTokenReader(path: string): () => Promise<string> {
  return async () => {
    const token = (await readFile(path, "utf8")).trim();
    if (!token) throw new Error(`The federated token file ${path} is empty (is the workload identity webhook injecting it?)`);
    return token;
  };
}
