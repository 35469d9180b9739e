/**
 * Where a grant applies. Azure RBAC for Kubernetes takes `{clusterId}/namespaces/{ns}` as the scope
 * of a namespace-bound role assignment (the Azure portal cannot list those).
 */
export type AccessScope = { kind: "cluster" } | { kind: "namespace"; namespace: string };

/** A Kubernetes namespace name: a DNS-1123 label. */
export const namespaceNamePattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function scopeOf(namespace: string | null): AccessScope {
  return namespace === null ? { kind: "cluster" } : { kind: "namespace", namespace };
}

export function armScope(clusterResourceId: string, scope: AccessScope): string {
  return scope.kind === "cluster" ? clusterResourceId : `${clusterResourceId}/namespaces/${scope.namespace}`;
}

export function describeScope(scope: AccessScope): string {
  return scope.kind === "cluster" ? "the whole cluster" : `namespace ${scope.namespace}`;
}

/**
 * Where a role assignment found around a cluster applies, relative to it: above it (subscription or
 * resource group, inherited by every namespace), at it, or at one namespace. Null: unrelated (or a
 * management group, whose id does not show whether the cluster is below it).
 * Compared without case, as ARM treats resource ids.
 */
export type FoundScope = { kind: "inherited"; from: "subscription" | "resource group" } | { kind: "cluster" } | { kind: "namespace"; namespace: string };

export function foundScopeOf(clusterResourceId: string, assignmentScope: string): FoundScope | null {
  const cluster = clusterResourceId.replace(/\/+$/, "").toLowerCase();
  const scope = assignmentScope.replace(/\/+$/, "");
  const lower = scope.toLowerCase();
  if (lower === cluster) return { kind: "cluster" };
  const namespacePrefix = `${cluster}/namespaces/`;
  if (lower.startsWith(namespacePrefix)) {
    const namespace = scope.slice(namespacePrefix.length);
    return namespace && !namespace.includes("/") ? { kind: "namespace", namespace } : null;
  }
  if (lower === "/" || !cluster.startsWith(`${lower}/`)) return null;
  // Management-group assignments are inherited too, but their ids do not show the ancestry: not shown.
  return { kind: "inherited", from: lower.includes("/resourcegroups/") ? "resource group" : "subscription" };
}
