import { type AccessRole, accessRoleKeys, accessRoleOfDefinition, accessRoles } from "./roles";
import { foundScopeOf } from "./scope";

/**
 * Who has access to a cluster as the inventory reads it, before principals are named: one draft per
 * role assignment (Azure RBAC) or per User/Group subject of a binding (Kubernetes RBAC). Pure: the
 * transforms from ARM's and the API server's shapes are here, the reads in lib/server.
 */
export type AccessScopeKind = "subscription" | "resource-group" | "cluster" | "namespace";
export type CachedRole = AccessRole | "custom";

/** How a subject names its principal: ARM and Group subjects by object id, Kubernetes User subjects usually by UPN. */
export type SubjectRef = { by: "object-id"; objectId: string; type: string | null } | { by: "user-name"; name: string };

export type AccessEntryDraft = {
  mechanism: "azure-rbac" | "kubernetes-rbac";
  scopeKind: AccessScopeKind;
  namespace: string | null;
  inherited: boolean;
  role: CachedRole;
  roleName: string;
  subject: SubjectRef;
  externalId: string;
  bindingSubjects: number;
  managedByClusterdesk: boolean;
};

export type AssignmentShape = { id: string; scope: string; roleDefinitionId: string; principalId: string; principalType: string | null };

/** AKS data-plane role assignments at, above or below the cluster; other roles (Reader, Contributor, Cluster User…) give no Kubernetes rights. */
export function draftsFromAssignments(clusterId: string, assignments: readonly AssignmentShape[]): AccessEntryDraft[] {
  return assignments.flatMap((assignment) => {
    const role = accessRoleOfDefinition(assignment.roleDefinitionId);
    const scope = foundScopeOf(clusterId, assignment.scope);
    if (!role || !scope) return [];
    const scopeKind: AccessScopeKind = scope.kind === "inherited" ? (scope.from === "subscription" ? "subscription" : "resource-group") : scope.kind;
    return [
      {
        mechanism: "azure-rbac" as const,
        scopeKind,
        namespace: scope.kind === "namespace" ? scope.namespace : null,
        inherited: scope.kind === "inherited",
        role,
        roleName: accessRoles[role].name,
        subject: { by: "object-id" as const, objectId: assignment.principalId.toLowerCase(), type: assignment.principalType },
        externalId: assignment.id,
        bindingSubjects: 1,
        managedByClusterdesk: false,
      },
    ];
  });
}

export type BindingShape = {
  kind: "RoleBinding" | "ClusterRoleBinding";
  namespace: string | null;
  name: string;
  labels: Record<string, string>;
  roleRef: { kind: string; name: string };
  subjects: ReadonlyArray<{ kind: string; name: string }>;
};

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The role a binding's roleRef stands for: the default ClusterRoles map to the AKS roles (view → Reader, …), anything else is custom. */
export function roleOfBinding(roleRef: { kind: string; name: string }): { role: CachedRole; roleName: string } {
  const role = roleRef.kind === "ClusterRole" ? accessRoleKeys.find((key) => accessRoles[key].clusterRole === roleRef.name) : undefined;
  return { role: role ?? "custom", roleName: `${roleRef.kind}/${roleRef.name}` };
}

/**
 * One draft per User or Group subject of each binding. Kubernetes' own bindings (`system:` names
 * and subjects: nodes, controllers, service accounts) are not people's access and are left out.
 */
export function draftsFromBindings(bindings: readonly BindingShape[]): AccessEntryDraft[] {
  return bindings.flatMap((binding) => {
    if (binding.name.startsWith("system:")) return [];
    const people = binding.subjects.filter((subject) => (subject.kind === "User" || subject.kind === "Group") && !subject.name.startsWith("system:"));
    const { role, roleName } = roleOfBinding(binding.roleRef);
    const namespaced = binding.kind === "RoleBinding" && binding.namespace !== null;
    return people.map((subject) => ({
      mechanism: "kubernetes-rbac" as const,
      scopeKind: namespaced ? ("namespace" as const) : ("cluster" as const),
      namespace: namespaced ? binding.namespace : null,
      inherited: false,
      role,
      roleName,
      // AKS's Entra authentication names groups by object id and users by UPN (a service principal by its object id).
      subject: guidPattern.test(subject.name)
        ? { by: "object-id" as const, objectId: subject.name.toLowerCase(), type: subject.kind === "Group" ? "Group" : null }
        : { by: "user-name" as const, name: subject.name },
      externalId: namespaced ? `${binding.namespace}/${binding.name}` : binding.name,
      bindingSubjects: binding.subjects.length,
      managedByClusterdesk: binding.labels["app.kubernetes.io/managed-by"] === "clusterdesk",
    }));
  });
}

/** Where an entry came from, for the tab and the person view. */
export type AccessSource = { kind: "clusterdesk"; requestNumber: number | null } | { kind: "tenant-environment" } | { kind: "found-on-cluster" };

export function describeSource(source: AccessSource): string {
  if (source.kind === "clusterdesk") return source.requestNumber === null ? "Clusterdesk request" : `Clusterdesk request #${source.requestNumber}`;
  return source.kind === "tenant-environment" ? "Clusterdesk tenant environment" : "found on the cluster";
}

/**
 * What can be done about an entry found on the cluster. Adopting records it as a Clusterdesk grant,
 * which the grant records can only hold for one of the four roles, a user or group, and a scope a
 * grant can have (a namespace, or on Azure RBAC the cluster). Revoking deletes it; an inherited
 * assignment belongs to the subscription or resource group and a shared binding to other people too.
 */
export type FoundEntryFacts = { mechanism: string; scopeKind: string; role: string; principalType: string; bindingSubjects: number; principalDeleted?: boolean };

export function adoptProblem(entry: FoundEntryFacts): string | null {
  if (entry.scopeKind === "subscription" || entry.scopeKind === "resource-group") return `It is inherited from the ${entry.scopeKind === "subscription" ? "subscription" : "resource group"}: manage it there.`;
  if (entry.role === "custom") return "Only the four AKS roles (view, edit, admin, cluster-admin) can be managed as Clusterdesk grants.";
  if (entry.principalDeleted) return "The principal no longer exists in the directory: revoke the access instead.";
  if (entry.principalType !== "User" && entry.principalType !== "Group") return "Only users and groups known to the directory can be managed as Clusterdesk grants.";
  if (entry.mechanism === "kubernetes-rbac" && entry.scopeKind !== "namespace") return "Cluster-wide bindings (ClusterRoleBindings) cannot be managed as Clusterdesk grants yet.";
  if (entry.bindingSubjects > 1) return "The binding names several subjects; Clusterdesk manages bindings with one.";
  return null;
}

export function revokeProblem(entry: FoundEntryFacts): string | null {
  if (entry.scopeKind === "subscription" || entry.scopeKind === "resource-group") return `It is inherited from the ${entry.scopeKind === "subscription" ? "subscription" : "resource group"}: revoke it there.`;
  if (entry.bindingSubjects > 1) return `The binding names ${entry.bindingSubjects} subjects: deleting it would cut off the others too. Edit it on the cluster.`;
  return null;
}

type FoundEntryPayload = {
  mechanism: "azure-rbac" | "kubernetes-rbac";
  scopeKind: "cluster" | "namespace";
  namespace: string | null;
  roleName: string;
  principal: { type: string; displayName: string | null; objectId: string; userPrincipalName: string | null };
  externalId: string;
};

/** An adoption or a revocation of found access in one sentence, for the request page, the list and the approver. */
export function describeFoundAccessChange(change: "adopt" | "revoke", entry: FoundEntryPayload): string {
  const where = entry.scopeKind === "namespace" && entry.namespace ? `namespace ${entry.namespace}` : "the whole cluster";
  const who = `${entry.principal.type === "Group" ? "group" : entry.principal.type === "User" ? "user" : "principal"} ${entry.principal.displayName ?? entry.principal.objectId}${entry.principal.userPrincipalName ? ` (${entry.principal.userPrincipalName})` : ""}`;
  const what = entry.mechanism === "azure-rbac" ? "role assignment" : entry.scopeKind === "namespace" ? `RoleBinding ${entry.externalId}` : `ClusterRoleBinding ${entry.externalId}`;
  return change === "adopt"
    ? `Adopt ${entry.roleName} on ${where} for ${who}, found on the cluster (${what}), as a Clusterdesk grant; nothing changes on the cluster.`
    : `Revoke ${entry.roleName} on ${where} from ${who}, found on the cluster: delete the ${what}.`;
}
