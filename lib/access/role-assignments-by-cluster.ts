/**
 * Role assignments listed once for a whole subscription, handed out per cluster: those at the
 * subscription and at the cluster's resource group (inherited by every cluster under them), at the
 * cluster, and below it (namespaces); the tenant root's too. Pure; the list itself is read in lib/server. Assignments at other
 * resources, other resource groups and management groups are nobody's here (`foundScopeOf` would drop
 * them too: management-group ids do not show their ancestry).
 */
const clusterScope = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+)(?:\/|$)/;
const ancestorsOf = /^(\/subscriptions\/[^/]+)(\/resourcegroups\/[^/]+)/;

const normalised = (scope: string) => scope.replace(/\/+$/, "").toLowerCase();

export function assignmentsByCluster<T extends { scope: string }>(assignments: readonly T[]): (clusterId: string) => T[] {
  const atScope = new Map<string, T[]>();
  const underCluster = new Map<string, T[]>();
  for (const assignment of assignments) {
    const scope = normalised(assignment.scope);
    const cluster = clusterScope.exec(scope)?.[1];
    const [index, key] = cluster ? [underCluster, cluster] : [atScope, scope];
    const list = index.get(key);
    if (list) list.push(assignment);
    else index.set(key, [assignment]);
  }
  return (clusterId) => {
    const cluster = normalised(clusterId);
    const ancestors = ancestorsOf.exec(cluster);
    if (!ancestors?.[1] || !ancestors[2]) return [];
    const subscription = ancestors[1];
    const resourceGroup = `${subscription}${ancestors[2]}`;
    // "/" (the tenant root, normalised to "") is above every cluster, as foundScopeOf counts it.
    return [...(atScope.get("") ?? []), ...(atScope.get(subscription) ?? []), ...(atScope.get(resourceGroup) ?? []), ...(underCluster.get(cluster) ?? [])];
  };
}
