import type { EmulatedClusterView } from "../contracts";
import { stringAt, isJsonObject, type JsonObject } from "./json";
import { resourceTypeOfKind } from "./resources";
import type { ClusterStore } from "./store";
import { builtInClusterRoleBindings, builtInClusterRoles, clusterRoleBinding } from "./seed/built-in-cluster-roles";
import { nodesOf } from "./seed/nodes";
import { namespacePlan, teamGroups, type NamespacePlan } from "./seed/tenant-plan";
import { pod, serviceAccount, tenantWorkloads } from "./seed/workloads";
import { applyCreateDefaults } from "./handlers/defaults";
import { demoServicePrincipals } from "../seed/organisation";

/** The namespaces every AKS cluster starts with. */
export const systemNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"];

function namespace(name: string, labels: Record<string, string> = {}): JsonObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

function tenantNamespace(plan: NamespacePlan): JsonObject {
  const labels: Record<string, string> = { "clusterdesk.io/tenant": plan.tenant };
  if (plan.podSecurity) {
    labels["pod-security.kubernetes.io/enforce"] = plan.podSecurity;
    labels["pod-security.kubernetes.io/warn"] = "restricted";
  }
  return namespace(plan.namespace, labels);
}

/** Kubernetes-RBAC-only clusters grant tenants through RoleBindings to their Entra groups. */
function tenantRoleBindings(plan: NamespacePlan): JsonObject[] {
  const groups = teamGroups[plan.tenant];
  const binding = (name: string, role: string, group: string): JsonObject => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name, namespace: plan.namespace, labels: { "clusterdesk.io/tenant": plan.tenant } },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group }],
  });
  return [binding(`${plan.tenant}-owners-admin`, "admin", groups.owners), binding(`${plan.tenant}-members-edit`, "edit", groups.members)];
}

function systemWorkloads(cluster: EmulatedClusterView, systemNode: string | undefined): JsonObject[] {
  const objects: JsonObject[] = [
    ...systemNamespaces.map((name) => serviceAccount(name, "default")),
    pod("kube-system", "coredns", "Running", systemNode, { "k8s-app": "kube-dns" }),
    pod("kube-system", "metrics-server", "Running", systemNode, { "k8s-app": "metrics-server" }),
  ];
  if (cluster.podIdentityEnabled) {
    objects.push({
      apiVersion: "aadpodidentity.k8s.io/v1",
      kind: "AzurePodIdentityException",
      metadata: { name: "kube-proxy-exception", namespace: "kube-system" },
      spec: { podLabels: { component: "kube-proxy" } },
    });
  }
  return objects;
}

/** Everything one cluster holds at seed time, in creation order (namespaces first). */
export function seedObjects(cluster: EmulatedClusterView): JsonObject[] {
  const nodes = nodesOf(cluster);
  const nodeNames = nodes.map((node) => stringAt(isJsonObject(node.metadata) ? node.metadata : undefined, "name"));
  const plans = namespacePlan.filter((plan) => plan.cluster === cluster.name);
  const adminBinding =
    cluster.managedAad && cluster.adminGroupObjectIds.length > 0
      ? [clusterRoleBinding("aks-cluster-admin-binding-aad", "cluster-admin", cluster.adminGroupObjectIds.map((id) => ({ kind: "Group" as const, name: id })))]
      : [];
  // Clusterdesk's own identity reads and manages every Entra cluster (inventory, tenant onboarding),
  // bound the way an admin would bind a service principal: a User subject named by its object id.
  const portalBinding = cluster.managedAad
    ? [clusterRoleBinding("clusterdesk-portal", "cluster-admin", [{ kind: "User" as const, name: demoServicePrincipals.clusterdesk.id }])]
    : [];
  return [
    ...systemNamespaces.map((name) => namespace(name)),
    ...plans.map(tenantNamespace),
    ...builtInClusterRoles(),
    ...builtInClusterRoleBindings(),
    ...adminBinding,
    ...portalBinding,
    ...nodes,
    ...systemWorkloads(cluster, nodeNames[0]),
    ...plans.flatMap((plan) => tenantWorkloads(plan, nodeNames.at(-1), cluster.podIdentityEnabled)),
    ...(cluster.managedAad && !cluster.azureRbac ? plans.flatMap(tenantRoleBindings) : []),
  ];
}

export function seedCluster(store: ClusterStore, cluster: EmulatedClusterView): void {
  store.clear();
  for (const object of seedObjects(cluster)) {
    const type = resourceTypeOfKind(stringAt(object, "apiVersion") ?? "", stringAt(object, "kind") ?? "");
    if (!type) continue;
    if (type.resource === "namespaces") applyCreateDefaults(type, object);
    const metadata = isJsonObject(object.metadata) ? object.metadata : {};
    store.create(type, stringAt(metadata, "namespace") ?? "", object);
  }
}
