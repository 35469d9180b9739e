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
