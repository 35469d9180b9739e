import type { ClusterKey, EmulatedClusterView, ManagedNamespaceObjects, NamespacesForArm } from "../contracts";
import { isJsonObject, type JsonObject } from "./json";
import { findResourceType, resourceTypes, type ResourceType } from "./resources";
import { applyCreateDefaults } from "./handlers/defaults";
import type { ClusterStore } from "./store";

/**
 * AKS's in-cluster side of managed namespaces: the namespace with ARM's label, a default
 * ResourceQuota and a default NetworkPolicy, both named `default` (the names AKS uses are not in the
 * public spec; the emulator's choice, see docs/EMULATOR.md). Written straight to the store, as the
 * reconciler AKS installs does, so no field manager of Clusterdesk's owns them.
 */
export const managedByArmLabel = "kubernetes.azure.com/managedByArm";
const defaultObjectName = "default";

function type(group: string, resource: string): ResourceType {
  const found = findResourceType(group, "v1", resource);
  if (!found) throw new Error(`The emulator serves no ${resource}.`);
  return found;
}

function upsert(store: ClusterStore, resourceType: ResourceType, namespace: string, object: JsonObject): void {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === "string" ? metadata.name : "";
  const current = store.get(resourceType, namespace, name);
  if (!current) {
    if (resourceType.resource === "namespaces") applyCreateDefaults(resourceType, object);
    store.create(resourceType, namespace, object);
    return;
  }
  const currentMetadata = isJsonObject(current.metadata) ? current.metadata : {};
  store.replace(resourceType, namespace, { ...current, ...object, metadata: { ...currentMetadata, ...metadata } });
}

/** A direction's rule as NetworkPolicy peers: none (deny), every peer, or the namespace's own pods. */
function peers(rule: string, direction: "from" | "to"): JsonObject[] | null {
  if (rule === "DenyAll") return null;
  return rule === "AllowSameNamespace" ? [{ [direction]: [{ podSelector: {} }] }] : [{}];
}

function networkPolicy(namespace: string, rules: ManagedNamespaceObjects["networkPolicy"]): JsonObject {
  const spec: JsonObject = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
  const ingress = peers(rules.ingress, "from");
  const egress = peers(rules.egress, "to");
  if (ingress) spec.ingress = ingress;
  if (egress) spec.egress = egress;
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: defaultObjectName, namespace, labels: { [managedByArmLabel]: "true" } }, spec };
}

export function namespacesForArm(storeOf: (cluster: EmulatedClusterView) => ClusterStore, viewOf: (key: ClusterKey) => EmulatedClusterView | undefined): NamespacesForArm {
  const store = (key: ClusterKey) => {
    const view = viewOf(key);
    if (!view) throw new Error(`No emulated cluster ${key.name}.`);
    return storeOf(view);
  };
  const namespaces = type("", "namespaces");
  return {
    read(key, name) {
      const found = store(key).get(namespaces, "", name);
      if (!found) return null;
      const metadata = isJsonObject(found.metadata) ? found.metadata : {};
      const strings = (value: unknown) => (isJsonObject(value) ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string")) : {});
      return { labels: strings(metadata.labels), annotations: strings(metadata.annotations) };
    },
    apply(key, objects) {
      const cluster = store(key);
      const labels = { ...objects.labels, [managedByArmLabel]: "true" };
      upsert(cluster, namespaces, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: objects.name, labels, annotations: objects.annotations } });
      const quotas = type("", "resourcequotas");
      if (objects.quota) {
        upsert(cluster, quotas, objects.name, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: defaultObjectName, namespace: objects.name, labels: { [managedByArmLabel]: "true" } }, spec: { hard: objects.quota } });
      } else {
        cluster.delete(quotas, objects.name, defaultObjectName);
      }
      upsert(cluster, type("networking.k8s.io", "networkpolicies"), objects.name, networkPolicy(objects.name, objects.networkPolicy));
    },
    release(key, name, policy) {
      const cluster = store(key);
      if (policy === "Delete") {
        cluster.deleteNamespaceContents(name, resourceTypes);
        cluster.delete(namespaces, "", name);
        return;
      }
      // Keep: the namespace and what runs in it stay, no longer ARM's.
      cluster.delete(type("", "resourcequotas"), name, defaultObjectName);
      cluster.delete(type("networking.k8s.io", "networkpolicies"), name, defaultObjectName);
      const found = cluster.get(namespaces, "", name);
      if (!found || !isJsonObject(found.metadata) || !isJsonObject(found.metadata.labels)) return;
      const { [managedByArmLabel]: _removed, ...labels } = found.metadata.labels;
      void _removed;
      cluster.replace(namespaces, "", { ...found, metadata: { ...found.metadata, labels } });
    },
  };
}
