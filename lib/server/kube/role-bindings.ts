import "server-only";
import { KubernetesObjectApi, PatchStrategy, type V1RoleBinding } from "@kubernetes/client-node";
import { type ClusterCredentials, kubeConfigFor } from "./in-cluster-reader";

/** Clusterdesk's field manager for server-side apply: its fields are its own, whoever else edits the object. */
const fieldManager = "clusterdesk";

export type RoleBindingToApply = {
  namespace: string;
  name: string;
  clusterRole: string;
  subject: { kind: "User" | "Group"; name: string };
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

/** A Kubernetes API failure in Clusterdesk's terms; conflicts, throttling and 5xx are worth a retry. */
export class KubeWriteError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "KubeWriteError";
  }
}

function kubeFailure(error: unknown, what: string): KubeWriteError {
  const status = error && typeof error === "object" && "code" in error && typeof error.code === "number" ? error.code : null;
  const retryable = status === null || status === 409 || status === 429 || status >= 500;
  const detail = status === null ? (error instanceof Error ? error.message : String(error)) : `the API server answered ${status}`;
  return new KubeWriteError(`${what}: ${detail}`, status, retryable, { cause: error });
}

/**
 * Server-side apply of a RoleBinding to one of the default ClusterRoles: creates it, or converges an
 * existing one on the same content, so a resumed attempt changes nothing. `force` takes the fields
 * back if someone edited them with another manager: the binding is Clusterdesk's.
 */
export async function applyRoleBinding(credentials: ClusterCredentials, binding: RoleBindingToApply): Promise<void> {
  const body: V1RoleBinding = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: binding.name, namespace: binding.namespace, labels: binding.labels, annotations: binding.annotations },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: binding.clusterRole },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: binding.subject.kind, name: binding.subject.name }],
  };
  try {
    await KubernetesObjectApi.makeApiClient(kubeConfigFor(credentials)).patch(body, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply);
  } catch (error) {
    throw kubeFailure(error, `Applying RoleBinding ${binding.namespace}/${binding.name} failed`);
  }
}

/** Deletes a RoleBinding; one already gone counts as deleted, so a resumed revocation converges. */
export async function deleteRoleBinding(credentials: ClusterCredentials, namespace: string, name: string): Promise<void> {
  try {
    await KubernetesObjectApi.makeApiClient(kubeConfigFor(credentials)).delete({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name, namespace } });
  } catch (error) {
    const failure = kubeFailure(error, `Deleting RoleBinding ${namespace}/${name} failed`);
    if (failure.status !== 404) throw failure;
  }
}
