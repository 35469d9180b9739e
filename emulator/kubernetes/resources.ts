/** The API resources each emulated API server serves, as discovery and the handlers see them. */
export type ResourceType = {
  group: string;
  version: string;
  /** Plural, lower-case: the URL segment and what RBAC rules and data actions name. */
  resource: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  /** Only create: the access and identity reviews, which are answered but never stored. */
  virtual?: boolean;
};

const crud = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function served(
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames?: string[],
): ResourceType {
  return { group, version, resource, singularName: kind.toLowerCase(), kind, namespaced, verbs: crud, ...(shortNames ? { shortNames } : {}) };
}

function review(resource: string, kind: string, namespaced: boolean, group = "authorization.k8s.io"): ResourceType {
  return { group, version: "v1", resource, singularName: kind.toLowerCase(), kind, namespaced, verbs: ["create"], virtual: true };
}

const rbac = "rbac.authorization.k8s.io";
const podIdentity = "aadpodidentity.k8s.io";

export const resourceTypes: readonly ResourceType[] = [
  served("", "v1", "namespaces", "Namespace", false, ["ns"]),
  served("", "v1", "resourcequotas", "ResourceQuota", true, ["quota"]),
  served("", "v1", "limitranges", "LimitRange", true, ["limits"]),
  served("", "v1", "serviceaccounts", "ServiceAccount", true, ["sa"]),
  served("", "v1", "configmaps", "ConfigMap", true, ["cm"]),
  served("", "v1", "services", "Service", true, ["svc"]),
  served("", "v1", "pods", "Pod", true, ["po"]),
  served("", "v1", "nodes", "Node", false, ["no"]),
  served("apps", "v1", "deployments", "Deployment", true, ["deploy"]),
  served("batch", "v1", "jobs", "Job", true),
  served("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"]),
  served("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"]),
  served("networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"]),
  served(rbac, "v1", "roles", "Role", true),
  served(rbac, "v1", "rolebindings", "RoleBinding", true),
  served(rbac, "v1", "clusterroles", "ClusterRole", false),
  served(rbac, "v1", "clusterrolebindings", "ClusterRoleBinding", false),
  served("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"]),
  served(podIdentity, "v1", "azureidentities", "AzureIdentity", true),
  served(podIdentity, "v1", "azureidentitybindings", "AzureIdentityBinding", true),
  served(podIdentity, "v1", "azureassignedidentities", "AzureAssignedIdentity", true),
  served(podIdentity, "v1", "azurepodidentityexceptions", "AzurePodIdentityException", true),
  review("subjectaccessreviews", "SubjectAccessReview", false),
  review("selfsubjectaccessreviews", "SelfSubjectAccessReview", false),
  review("localsubjectaccessreviews", "LocalSubjectAccessReview", true),
  review("selfsubjectrulesreviews", "SelfSubjectRulesReview", false),
  review("selfsubjectreviews", "SelfSubjectReview", false, "authentication.k8s.io"),
];

export function groupVersion(type: { group: string; version: string }): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function findResourceType(group: string, version: string, resource: string): ResourceType | undefined {
  return resourceTypes.find((type) => type.group === group && type.version === version && type.resource === resource);
}

export function resourceTypeOfKind(apiVersion: string, kind: string): ResourceType | undefined {
  return resourceTypes.find((type) => groupVersion(type) === apiVersion && type.kind === kind);
}

/** Group versions in discovery order: the core group first, as the real server lists them. */
export function servedGroupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const type of resourceTypes) seen.set(groupVersion(type), { group: type.group, version: type.version });
  return [...seen.values()];
}
