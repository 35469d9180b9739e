import "server-only";
import { type AccessQuestion, type CheckSubject, dataActionOf, roleAllows, rulesAllow, subjectMatches } from "@/lib/access/access-check";
import { foundScopeOf } from "@/lib/access/scope";
import type { Cluster } from "@/lib/clusters/cluster";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { listRoleAssignmentsAround } from "@/lib/server/azure/role-assignments";
import { type RoleDefinitionRead, readRoleDefinition } from "@/lib/server/azure/role-definitions";
import type { ClusterCredentials } from "@/lib/server/kube/in-cluster-reader";
import { readBindings } from "@/lib/server/kube/access-reviews";

/** One thing that grants the permission asked about, and through whom (the person or one of its groups). */
export type AccessGrantReason =
  | { kind: "admin-group"; via: string }
  | { kind: "role-assignment"; role: string; scope: string; via: string; assignmentId: string }
  | { kind: "binding"; binding: string; role: string; via: string };

const lower = (ids: readonly string[]) => new Set(ids.map((id) => id.toLowerCase()));

/** AKS binds the cluster's Entra admin groups to cluster-admin: membership alone grants everything. */
export function adminGroupReasons(cluster: Cluster, principalIds: readonly string[]): AccessGrantReason[] {
  const ids = lower(principalIds);
  return cluster.identity.adminGroupObjectIds.filter((id) => ids.has(id.toLowerCase())).map((id) => ({ kind: "admin-group", via: id.toLowerCase() }));
}

/**
 * Azure-RBAC clusters: the role assignments for the person or its groups at the cluster, above it
 * (inherited) or at the namespace, whose role's data actions (read from ARM) allow the question.
 */
export async function roleAssignmentReasons(clusterId: string, principalIds: readonly string[], question: AccessQuestion, correlationId: string): Promise<AccessGrantReason[]> {
  const subscriptionId = parseClusterResourceId(clusterId)?.subscriptionId ?? "";
  const ids = lower(principalIds);
  const action = dataActionOf(question.verb, question.resource);
  const roles = new Map<string, Promise<RoleDefinitionRead>>();
  const reasons: AccessGrantReason[] = [];
  for (const assignment of await listRoleAssignmentsAround(subscriptionId, clusterId, correlationId)) {
    const scope = foundScopeOf(clusterId, assignment.scope);
    if (!ids.has(assignment.principalId) || !scope || (scope.kind === "namespace" && scope.namespace !== question.namespace)) continue;
    const key = assignment.roleDefinitionId.toLowerCase();
    if (!roles.has(key)) roles.set(key, readRoleDefinition(subscriptionId, assignment.roleDefinitionId));
    const role = await roles.get(key);
    if (!role || !roleAllows(role, action)) continue;
    const where = scope.kind === "namespace" ? `namespace ${scope.namespace}` : scope.kind === "cluster" ? "the cluster" : `the ${scope.from} (inherited)`;
    reasons.push({ kind: "role-assignment", role: role.roleName, scope: where, via: assignment.principalId, assignmentId: assignment.id });
  }
  return reasons;
}

/** Kubernetes RBAC: the namespace's RoleBindings and the ClusterRoleBindings naming the person or a group, whose role's rules allow the question. */
export async function bindingReasons(credentials: ClusterCredentials, subject: CheckSubject, question: AccessQuestion): Promise<AccessGrantReason[]> {
  const bindings = await readBindings(credentials, question.namespace);
  return bindings.flatMap((binding) => {
    if (!rulesAllow(binding.rules, question.verb, question.resource)) return [];
    const matching = binding.subjects.filter((candidate) => subjectMatches(candidate, subject));
    return matching.map((candidate) => ({
      kind: "binding" as const,
      binding: binding.kind === "RoleBinding" ? `RoleBinding ${binding.namespace}/${binding.name}` : `ClusterRoleBinding ${binding.name}`,
      role: `${binding.roleRef.kind} ${binding.roleRef.name}`,
      via: candidate.kind === "User" ? candidate.name : candidate.name.toLowerCase(),
    }));
  });
}
