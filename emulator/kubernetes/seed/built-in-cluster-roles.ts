import type { JsonObject } from "../json";

/**
 * The default ClusterRoles and ClusterRoleBindings of a fresh cluster (kubectl get clusterrole view
 * -o yaml on 1.30, aggregated rules flattened), limited to the resources this emulator serves plus
 * the ones AKS's built-in roles name.
 */
const read = ["get", "list", "watch"];
const write = ["create", "delete", "deletecollection", "patch", "update"];

type Rule = { apiGroups?: string[]; resources?: string[]; verbs: string[]; nonResourceURLs?: string[] };

const viewRules: Rule[] = [
  { apiGroups: [""], resources: ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], verbs: read },
  { apiGroups: [""], resources: ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], verbs: read },
  { apiGroups: [""], resources: ["namespaces"], verbs: read },
  { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: read },
  { apiGroups: ["apps"], resources: ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], verbs: read },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], verbs: read },
  { apiGroups: ["batch"], resources: ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], verbs: read },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets", "poddisruptionbudgets/status"], verbs: read },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses", "ingresses/status", "networkpolicies"], verbs: read },
];

const editRules: Rule[] = [
  { apiGroups: [""], resources: ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], verbs: read },
  { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] },
  { apiGroups: [""], resources: ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], verbs: write },
  { apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"] },
  { apiGroups: [""], resources: ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], verbs: write },
  { apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] },
  { apiGroups: ["apps"], resources: ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], verbs: write },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: write },
  { apiGroups: ["batch"], resources: ["cronjobs", "jobs"], verbs: write },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses", "networkpolicies"], verbs: write },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: write },
  { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: [...read, ...write] },
  ...viewRules,
];

const adminRules: Rule[] = [
  { apiGroups: ["authorization.k8s.io"], resources: ["localsubjectaccessreviews"], verbs: ["create"] },
  { apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"], verbs: [...write, ...read] },
  ...editRules,
];

const aggregate = (label: string) => ({ [`rbac.authorization.k8s.io/aggregate-to-${label}`]: "true" });

function clusterRole(name: string, rules: Rule[], labels: Record<string, string> = {}): JsonObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name, labels: { "kubernetes.io/bootstrapping": "rbac-defaults", ...labels }, annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" } },
    rules,
  };
}

export function builtInClusterRoles(): JsonObject[] {
  return [
    clusterRole("cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }]),
    clusterRole("admin", adminRules, aggregate("edit")),
    clusterRole("edit", editRules, aggregate("view")),
    clusterRole("view", viewRules),
    clusterRole("system:discovery", [{ nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], verbs: ["get"] }]),
    clusterRole("system:basic-user", [
      { apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"], verbs: ["create"] },
      { apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], verbs: ["create"] },
    ]),
  ];
}

export function clusterRoleBinding(name: string, roleName: string, subjects: { kind: "User" | "Group"; name: string }[], labels: Record<string, string> = {}): JsonObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name, labels },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
    subjects: subjects.map((subject) => ({ apiGroup: "rbac.authorization.k8s.io", ...subject })),
  };
}

export function builtInClusterRoleBindings(): JsonObject[] {
  const bootstrap = { "kubernetes.io/bootstrapping": "rbac-defaults" };
  return [
    clusterRoleBinding("cluster-admin", "cluster-admin", [{ kind: "Group", name: "system:masters" }], bootstrap),
    clusterRoleBinding("system:discovery", "system:discovery", [{ kind: "Group", name: "system:authenticated" }], bootstrap),
    clusterRoleBinding("system:basic-user", "system:basic-user", [{ kind: "Group", name: "system:authenticated" }], bootstrap),
  ];
}
