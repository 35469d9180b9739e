import "server-only";
import { type KubernetesObject, KubernetesObjectApi, PatchStrategy } from "@kubernetes/client-node";
import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js";
import { getSerializationType } from "@kubernetes/client-node/dist/util.js";
import type { KubeManifest } from "@/lib/tenants/manifest";
import { type ClusterCredentials, kubeConfigFor } from "./in-cluster-reader";
import { KubeWriteError } from "./role-bindings";

/** Clusterdesk's field manager for server-side apply (the same as for access RoleBindings). */
const fieldManager = "clusterdesk";

/**
 * Reads and server-side-applies Clusterdesk's manifests on one API server. Objects come back as
 * plain JSON (`unknown`): callers compare them, they never depend on the SDK's classes.
 */
export type ManifestClient = {
  /** The object as it is now, or null when it does not exist (also when its namespace does not). */
  read(manifest: KubeManifest): Promise<unknown>;
  /** What the server would store for an apply (`dryRun=All`): validated, nothing written. */
  dryRunApply(manifest: KubeManifest): Promise<unknown>;
  /** Server-side apply with `force`: the fields Clusterdesk sets are Clusterdesk's. */
  apply(manifest: KubeManifest): Promise<unknown>;
};

function statusOf(error: unknown): number | null {
  return error && typeof error === "object" && "code" in error && typeof error.code === "number" ? error.code : null;
}

/** The API server's own explanation (a Status message such as an invalid quantity), never a token. */
function serverMessage(error: unknown): string | null {
  if (!error || typeof error !== "object" || !("body" in error)) return null;
  const body = error.body;
  try {
    const parsed: unknown = typeof body === "string" ? JSON.parse(body) : body;
    return parsed && typeof parsed === "object" && "message" in parsed && typeof parsed.message === "string" ? parsed.message : null;
  } catch {
    return null;
  }
}

export function kubeManifestFailure(error: unknown, what: string): KubeWriteError {
  const status = statusOf(error);
  const retryable = status === null || status === 409 || status === 429 || status >= 500;
  const message = serverMessage(error);
  const detail = status === null ? (error instanceof Error ? error.message : String(error)) : `the API server answered ${status}${message ? `: ${message}` : ""}`;
  return new KubeWriteError(`${what}: ${detail}`, status, retryable, { cause: error });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The API server did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const describe = (manifest: KubeManifest) => `${manifest.kind} ${manifest.metadata.namespace ? `${manifest.metadata.namespace}/` : ""}${manifest.metadata.name}`;

export function manifestClient(credentials: ClusterCredentials, timeoutMs = 15_000): ManifestClient {
  const api = KubernetesObjectApi.makeApiClient(kubeConfigFor(credentials));
  // The SDK (de)serializes bodies through its generated models, which rename some API fields (`from`
  // is `_from` on a NetworkPolicy ingress rule, `default` is `_default` on a LimitRange item): a plain
  // manifest sent as is loses them (an ingress rule without `from` allows every source), and objects
  // read back carry the renamed keys. Converted both ways, Clusterdesk only sees the API's own shape.
  const sdkType = (manifest: KubeManifest) => getSerializationType(manifest.apiVersion, manifest.kind);
  const asObject = (manifest: KubeManifest) => ObjectSerializer.deserialize(manifest, sdkType(manifest)) as KubernetesObject;
  const asJson = (object: unknown, manifest: KubeManifest): unknown => ObjectSerializer.serialize(object, sdkType(manifest));
  const header = (manifest: KubeManifest) => ({ apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: { name: manifest.metadata.name, namespace: manifest.metadata.namespace } });
  const applyWith = async (manifest: KubeManifest, dryRun: "All" | undefined) => {
    try {
      return asJson(await withTimeout(api.patch(asObject(manifest), undefined, dryRun, fieldManager, true, PatchStrategy.ServerSideApply), timeoutMs), manifest);
    } catch (error) {
      throw kubeManifestFailure(error, `${dryRun ? "Dry-run apply" : "Applying"} ${describe(manifest)} failed`);
    }
  };
  return {
    async read(manifest) {
      try {
        return asJson(await withTimeout(api.read(header(manifest)), timeoutMs), manifest);
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw kubeManifestFailure(error, `Reading ${describe(manifest)} failed`);
      }
    },
    dryRunApply: (manifest) => applyWith(manifest, "All"),
    apply: (manifest) => applyWith(manifest, undefined),
  };
}
