import "server-only";
import { CoreV1Api, type KubernetesObject, KubernetesObjectApi, PatchStrategy } from "@kubernetes/client-node";
import { type ClusterCredentials, kubeConfigFor } from "./in-cluster-reader";
import { kubeManifestFailure } from "./manifests";

/**
 * Whole-namespace operations for tenant adoption and offboarding: list a cluster's namespaces, count
 * what one holds, delete it, or strip labels and annotations from it. Plain shapes out, no SDK types.
 */

export type NamespaceObjects = { kind: string; count: number; names: string[] };

/** What an offboarding plan counts in a namespace. Kinds the API server does not serve are skipped. */
const countedKinds: readonly { apiVersion: string; kind: string }[] = [
  { apiVersion: "apps/v1", kind: "Deployment" },
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "batch/v1", kind: "Job" },
  { apiVersion: "v1", kind: "Pod" },
  { apiVersion: "v1", kind: "Service" },
  { apiVersion: "v1", kind: "ConfigMap" },
  { apiVersion: "v1", kind: "Secret" },
  { apiVersion: "v1", kind: "PersistentVolumeClaim" },
  { apiVersion: "v1", kind: "ServiceAccount" },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" },
  { apiVersion: "v1", kind: "ResourceQuota" },
  { apiVersion: "v1", kind: "LimitRange" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding" },
];

const statusOf = (error: unknown) => (error && typeof error === "object" && "code" in error && typeof error.code === "number" ? error.code : null);

export type NamespaceClient = {
  list(): Promise<{ name: string; labels: Record<string, string>; annotations: Record<string, string> }[]>;
  /** The namespace's labels and annotations, or null when it does not exist. */
  read(name: string): Promise<{ labels: Record<string, string>; annotations: Record<string, string>; terminating: boolean } | null>;
  countContents(name: string): Promise<NamespaceObjects[]>;
  /** Deletes the namespace; one already gone counts as deleted. */
  delete(name: string): Promise<void>;
  /** Removes these label and annotation keys (JSON merge patch with nulls), nothing else. */
  removeMetadata(name: string, keys: { labels: readonly string[]; annotations: readonly string[] }): Promise<void>;
};

export function namespaceClient(credentials: ClusterCredentials): NamespaceClient {
  const config = kubeConfigFor(credentials);
  const core = config.makeApiClient(CoreV1Api);
  const objects = KubernetesObjectApi.makeApiClient(config);
  return {
    async list() {
      try {
        const answer = await core.listNamespace();
        return answer.items.map((ns) => ({ name: ns.metadata?.name ?? "", labels: ns.metadata?.labels ?? {}, annotations: ns.metadata?.annotations ?? {} })).filter((ns) => ns.name !== "");
      } catch (error) {
        throw kubeManifestFailure(error, "Listing the cluster's namespaces failed");
      }
    },
    async read(name) {
      try {
        const ns = await core.readNamespace({ name });
        return { labels: ns.metadata?.labels ?? {}, annotations: ns.metadata?.annotations ?? {}, terminating: ns.status?.phase === "Terminating" || Boolean(ns.metadata?.deletionTimestamp) };
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw kubeManifestFailure(error, `Reading namespace ${name} failed`);
      }
    },
    async countContents(name) {
      const counted: NamespaceObjects[] = [];
      for (const { apiVersion, kind } of countedKinds) {
        try {
          const answer = await objects.list(apiVersion, kind, name);
          const names = answer.items.map((item) => item.metadata?.name ?? "").sort();
          if (names.length > 0) counted.push({ kind, count: names.length, names });
        } catch (error) {
          // A kind the server does not serve: the SDK's discovery says so before any request (or the server answers 404).
          if (statusOf(error) === 404 || (error instanceof Error && error.message.startsWith("Unrecognized API version and kind"))) continue;
          throw kubeManifestFailure(error, `Listing ${kind} in ${name} failed`);
        }
      }
      return counted;
    },
    async delete(name) {
      try {
        await core.deleteNamespace({ name });
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw kubeManifestFailure(error, `Deleting namespace ${name} failed`);
      }
    },
    async removeMetadata(name, keys) {
      const nulls = (list: readonly string[]) => Object.fromEntries(list.map((key) => [key, null]));
      const patch = { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: nulls(keys.labels), annotations: nulls(keys.annotations) } };
      try {
        await objects.patch(patch as unknown as KubernetesObject, undefined, undefined, "clusterdesk", undefined, PatchStrategy.MergePatch);
      } catch (error) {
        throw kubeManifestFailure(error, `Removing Clusterdesk's labels from namespace ${name} failed`);
      }
    },
  };
}
