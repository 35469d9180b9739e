/**
 * Namespaces Kubernetes, AKS and common add-ons own: never a tenant's namespace, slug or adopted
 * environment. The one list: environment names, tenant slugs and adoption all check against it. Its
 * own module so that client forms importing a length limit from the names modules do not carry it.
 */
export const reservedNamespaces: readonly string[] = ["default", "kube-system", "kube-public", "kube-node-lease", "gatekeeper-system", "calico-system", "tigera-operator", "app-routing-system"];

/** A reserved name, or any `kube-*` (Kubernetes keeps that prefix for itself). */
export function isReservedNamespace(name: string): boolean {
  return reservedNamespaces.includes(name) || name.startsWith("kube-");
}
