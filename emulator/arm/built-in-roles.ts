import type { EmulatedRoleDefinition } from "../contracts";

/**
 * Built-in role definitions the portal works with: the four AKS RBAC data-plane roles (names, GUIDs,
 * actions and data actions from learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers,
 * see WIRE-PROTOCOLS §2) and the related control-plane roles.
 */
const p = "Microsoft.ContainerService/managedClusters";
const armReads = [
  "Microsoft.Authorization/*/read",
  "Microsoft.Resources/subscriptions/operationresults/read",
  "Microsoft.Resources/subscriptions/read",
  "Microsoft.Resources/subscriptions/resourceGroups/read",
];
const readableResources = [
  "apps/controllerrevisions", "apps/daemonsets", "apps/deployments", "apps/replicasets", "apps/statefulsets",
  "autoscaling/horizontalpodautoscalers", "batch/cronjobs", "batch/jobs", "configmaps", "discovery.k8s.io/endpointslices",
  "endpoints", "events.k8s.io/events", "events", "extensions/daemonsets", "extensions/deployments", "extensions/ingresses",
  "extensions/networkpolicies", "extensions/replicasets", "limitranges", "metrics.k8s.io/pods", "metrics.k8s.io/nodes",
  "namespaces", "networking.k8s.io/ingresses", "networking.k8s.io/networkpolicies", "persistentvolumeclaims", "pods",
  "policy/poddisruptionbudgets", "replicationcontrollers", "resourcequotas", "serviceaccounts", "services",
];
const readOnlyForWriters = new Set(["limitranges", "namespaces", "resourcequotas", "metrics.k8s.io/pods", "metrics.k8s.io/nodes", "events.k8s.io/events", "events"]);

export const builtInRoleGuids = {
  aksRbacReader: "7f6c6a51-bcf8-42ba-9220-52d62157d7db",
  aksRbacWriter: "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
  aksRbacAdmin: "3498e952-d568-435e-9b2c-8d77e338d7f7",
  aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
  aksClusterUser: "4abbcc35-e782-43d8-92c5-2d3f1bd2253f",
  aksClusterAdmin: "0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8",
  aksContributor: "ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8",
  owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  userAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
} as const;

type BuiltInRole = EmulatedRoleDefinition & { description: string };

export const builtInRoles: BuiltInRole[] = [
  {
    guid: builtInRoleGuids.aksRbacReader, roleName: "Azure Kubernetes Service RBAC Reader",
    description: "Allows read-only access to see most objects in a namespace. It does not allow viewing roles or role bindings. This role does not allow viewing Secrets.",
    actions: armReads, notActions: [], notDataActions: [],
    dataActions: readableResources.map((resource) => `${p}/${resource}/read`),
  },
  {
    guid: builtInRoleGuids.aksRbacWriter, roleName: "Azure Kubernetes Service RBAC Writer",
    description: "Allows read/write access to most objects in a namespace. This role does not allow viewing or modifying roles or role bindings.",
    actions: armReads, notActions: [], notDataActions: [],
    dataActions: [
      ...readableResources.map((resource) => `${p}/${resource}/${readOnlyForWriters.has(resource) ? "read" : "*"}`),
      `${p}/secrets/*`,
      `${p}/coordination.k8s.io/leases/read`, `${p}/coordination.k8s.io/leases/write`, `${p}/coordination.k8s.io/leases/delete`,
    ],
  },
  {
    guid: builtInRoleGuids.aksRbacAdmin, roleName: "Azure Kubernetes Service RBAC Admin",
    description: "Lets you manage all resources under cluster/namespace, except update or delete resource quotas and namespaces.",
    actions: [...armReads, `${p}/listClusterUserCredential/action`], notActions: [],
    dataActions: [`${p}/*`],
    notDataActions: [`${p}/resourcequotas/write`, `${p}/resourcequotas/delete`, `${p}/namespaces/write`, `${p}/namespaces/delete`],
  },
  {
    guid: builtInRoleGuids.aksRbacClusterAdmin, roleName: "Azure Kubernetes Service RBAC Cluster Admin",
    description: "Lets you manage all resources in the cluster.",
    actions: [...armReads, `${p}/listClusterUserCredential/action`], notActions: [], dataActions: [`${p}/*`], notDataActions: [],
  },
  {
    guid: builtInRoleGuids.aksClusterUser, roleName: "Azure Kubernetes Service Cluster User Role",
    description: "List cluster user credential action.",
    actions: [`${p}/listClusterUserCredential/action`, `${p}/read`], notActions: [], dataActions: [], notDataActions: [],
  },
  {
    guid: builtInRoleGuids.aksClusterAdmin, roleName: "Azure Kubernetes Service Cluster Admin Role",
    description: "List cluster admin credential action.",
    actions: [`${p}/listClusterAdminCredential/action`, `${p}/accessProfiles/listCredential/action`, `${p}/read`, `${p}/runcommand/action`],
    notActions: [], dataActions: [], notDataActions: [],
  },
  {
    guid: builtInRoleGuids.aksContributor, roleName: "Azure Kubernetes Service Contributor Role",
    description: "Grants access to read and write Azure Kubernetes Service clusters",
    actions: ["Microsoft.ContainerService/managedClusters/read", "Microsoft.ContainerService/managedClusters/write", "Microsoft.Resources/deployments/*", ...armReads.slice(1)],
    notActions: [], dataActions: [], notDataActions: [],
  },
  { guid: builtInRoleGuids.owner, roleName: "Owner", description: "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.", actions: ["*"], notActions: [], dataActions: [], notDataActions: [] },
  {
    guid: builtInRoleGuids.contributor, roleName: "Contributor",
    description: "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.",
    actions: ["*"], notActions: ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action"], dataActions: [], notDataActions: [],
  },
  { guid: builtInRoleGuids.reader, roleName: "Reader", description: "View all resources, but does not allow you to make any changes.", actions: ["*/read"], notActions: [], dataActions: [], notDataActions: [] },
  {
    guid: builtInRoleGuids.userAccessAdministrator, roleName: "User Access Administrator",
    description: "Lets you manage user access to Azure resources.", actions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"], notActions: [], dataActions: [], notDataActions: [],
  },
];

export function builtInRole(guid: string): BuiltInRole | undefined {
  return builtInRoles.find((role) => role.guid === guid.toLowerCase());
}
