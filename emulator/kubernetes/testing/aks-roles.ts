import type { EmulatedRoleDefinition } from "../../contracts";

/** The four AKS RBAC built-in roles' data actions (learn.microsoft.com built-in-roles/containers), for tests. */
const prefix = "Microsoft.ContainerService/managedClusters";
const readable = [
  "apps/controllerrevisions", "apps/daemonsets", "apps/deployments", "apps/replicasets", "apps/statefulsets",
  "autoscaling/horizontalpodautoscalers", "batch/cronjobs", "batch/jobs", "configmaps", "discovery.k8s.io/endpointslices",
  "endpoints", "events", "events.k8s.io/events", "extensions/*", "limitranges", "metrics.k8s.io/pods", "metrics.k8s.io/nodes",
  "namespaces", "networking.k8s.io/ingresses", "networking.k8s.io/networkpolicies", "persistentvolumeclaims", "pods",
  "policy/poddisruptionbudgets", "replicationcontrollers", "resourcequotas", "serviceaccounts", "services",
];
const readOnly = new Set(["limitranges", "namespaces", "resourcequotas"]);

export const aksRoles = {
  reader: "7f6c6a51-bcf8-42ba-9220-52d62157d7db",
  writer: "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
  admin: "3498e952-d568-435e-9b2c-8d77e338d7f7",
  clusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
} as const;

const role = (guid: string, roleName: string, dataActions: string[], notDataActions: string[] = []): EmulatedRoleDefinition => ({
  guid, roleName, actions: ["Microsoft.Authorization/*/read"], notActions: [], dataActions, notDataActions,
});

export const aksRoleDefinitions: EmulatedRoleDefinition[] = [
  role(aksRoles.reader, "Azure Kubernetes Service RBAC Reader", readable.map((resource) => `${prefix}/${resource}/read`)),
  role(aksRoles.writer, "Azure Kubernetes Service RBAC Writer", [
    ...readable.map((resource) => (readOnly.has(resource) ? `${prefix}/${resource}/read` : `${prefix}/${resource}/*`)),
    `${prefix}/secrets/*`,
    `${prefix}/coordination.k8s.io/leases/read`, `${prefix}/coordination.k8s.io/leases/write`, `${prefix}/coordination.k8s.io/leases/delete`,
  ]),
  role(aksRoles.admin, "Azure Kubernetes Service RBAC Admin", [`${prefix}/*`], [
    `${prefix}/resourcequotas/write`, `${prefix}/resourcequotas/delete`, `${prefix}/namespaces/write`, `${prefix}/namespaces/delete`,
  ]),
  role(aksRoles.clusterAdmin, "Azure Kubernetes Service RBAC Cluster Admin", [`${prefix}/*`]),
];
