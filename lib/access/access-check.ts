/**
 * The access check's vocabulary (pure): which verbs and resources it asks about, the Azure data
 * action AKS checks for each, and how RBAC rules and binding subjects are matched, so that the
 * explanation names only what really grants the permission.
 */

export const checkVerbs = ["get", "list", "create", "update", "delete"] as const;
export type CheckVerb = (typeof checkVerbs)[number];

/** The matrix's resources with their API groups ("" is the core group). */
export const checkResources = {
  pods: { group: "" },
  deployments: { group: "apps" },
  services: { group: "" },
  configmaps: { group: "" },
  secrets: { group: "" },
  rolebindings: { group: "rbac.authorization.k8s.io" },
} as const;
export type CheckResource = keyof typeof checkResources;
export const checkResourceNames = Object.keys(checkResources) as CheckResource[];

export function isCheckVerb(value: string): value is CheckVerb {
  return (checkVerbs as readonly string[]).includes(value);
}
export function isCheckResource(value: string): value is CheckResource {
  return Object.hasOwn(checkResources, value);
}

/** One question to the API server. */
export type AccessQuestion = { verb: CheckVerb; resource: CheckResource; namespace: string };

/**
 * The data action guard checks on Azure-RBAC clusters
 * (Azure/guard authz/providers/azure/rbac/checkaccessreqhelper.go):
 * `Microsoft.ContainerService/managedClusters/[{group}/]{resource}/{read|write|delete}`.
 */
export function dataActionOf(verb: CheckVerb, resource: CheckResource): string {
  const { group } = checkResources[resource];
  const action = verb === "get" || verb === "list" ? "read" : verb === "delete" ? "delete" : "write";
  return `Microsoft.ContainerService/managedClusters/${group ? `${group}/` : ""}${resource}/${action}`;
}

/** Azure action patterns: `*` matches any run of characters; case is ignored. */
export function azureActionMatches(pattern: string, action: string): boolean {
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`, "i").test(action);
}

export type RoleDataActions = { dataActions: readonly string[]; notDataActions: readonly string[] };

/** Whether a role definition's data actions allow the action (and its notDataActions do not take it away). */
export function roleAllows(role: RoleDataActions, action: string): boolean {
  return role.dataActions.some((pattern) => azureActionMatches(pattern, action)) && !role.notDataActions.some((pattern) => azureActionMatches(pattern, action));
}

export type PolicyRule = { verbs: readonly string[]; apiGroups: readonly string[]; resources: readonly string[] };

/** Kubernetes RBAC: a rule covers a request when verb, API group and resource each match (or are `*`). */
export function rulesAllow(rules: readonly PolicyRule[], verb: CheckVerb, resource: CheckResource): boolean {
  const { group } = checkResources[resource];
  const has = (values: readonly string[], value: string) => values.includes("*") || values.includes(value);
  return rules.some((rule) => has(rule.verbs, verb) && has(rule.apiGroups, group) && has(rule.resources, resource));
}

/** Who the API server is asked about: the Kubernetes user name (a user's UPN) and every group object id. */
export type CheckSubject = { userName: string | null; groupIds: readonly string[] };
export type BindingSubject = { kind: string; name: string };

/** RoleBinding subjects that name the person: `User` by user name, `Group` by one of the group object ids. */
export function subjectMatches(subject: BindingSubject, person: CheckSubject): boolean {
  if (subject.kind === "User") return person.userName !== null && subject.name.toLowerCase() === person.userName.toLowerCase();
  if (subject.kind === "Group") return person.groupIds.some((id) => id.toLowerCase() === subject.name.toLowerCase());
  return false;
}
