import "server-only";
import { type KubeConfig, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import type { BindingShape } from "@/lib/access/found-access";
import { type ClusterCredentials, kubeConfigFor } from "./in-cluster-reader";

/**
 * Every RoleBinding (all namespaces) and ClusterRoleBinding of a cluster, for the access cache.
 * Two list calls whatever the number of namespaces.
 */
export async function listAllBindings(credentials: ClusterCredentials): Promise<BindingShape[]> {
  return listAllBindingsThrough(kubeConfigFor(credentials));
}

/** As listAllBindings, through a given config: a pooled one (api-server-pool.ts) reuses the inventory's connection. */
export async function listAllBindingsThrough(config: KubeConfig): Promise<BindingShape[]> {
  const rbac = config.makeApiClient(RbacAuthorizationV1Api);
  const [roleBindings, clusterRoleBindings] = await Promise.all([rbac.listRoleBindingForAllNamespaces(), rbac.listClusterRoleBinding()]);
  return [
    ...roleBindings.items.map((binding) => ({ binding, kind: "RoleBinding" as const })),
    ...clusterRoleBindings.items.map((binding) => ({ binding, kind: "ClusterRoleBinding" as const })),
  ].map(({ binding, kind }) => ({
    kind,
    namespace: kind === "RoleBinding" ? (binding.metadata?.namespace ?? null) : null,
    name: binding.metadata?.name ?? "",
    labels: binding.metadata?.labels ?? {},
    roleRef: { kind: binding.roleRef.kind, name: binding.roleRef.name },
    subjects: (binding.subjects ?? []).map((subject) => ({ kind: subject.kind, name: subject.name })),
  }));
}

/** Deletes a ClusterRoleBinding (a found one being revoked); one already gone counts as deleted. */
export async function deleteClusterRoleBinding(credentials: ClusterCredentials, name: string): Promise<void> {
  try {
    await kubeConfigFor(credentials).makeApiClient(RbacAuthorizationV1Api).deleteClusterRoleBinding({ name });
  } catch (error) {
    const status = error && typeof error === "object" && "code" in error ? error.code : null;
    if (status !== 404) throw error;
  }
}
