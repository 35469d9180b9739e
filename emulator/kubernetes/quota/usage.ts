import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import { findResourceType, resourceTypes, type ResourceType } from "../resources";
import type { ClusterStore } from "../store";
import { addQuantities, formatQuantity, parseQuantity, type Amount } from "./quantity";

/** Kinds the quota's object-count names refer to (`configmaps` or `count/configmaps`). */
const countedByName: Readonly<Record<string, [string, string]>> = {
  pods: ["", "pods"],
  configmaps: ["", "configmaps"],
  secrets: ["", "secrets"],
  services: ["", "services"],
  "services.loadbalancers": ["", "services"],
  "services.nodeports": ["", "services"],
  persistentvolumeclaims: ["", "persistentvolumeclaims"],
  replicationcontrollers: ["", "replicationcontrollers"],
  resourcequotas: ["", "resourcequotas"],
};

const computeResources = new Set(["cpu", "memory", "ephemeral-storage"]);

/** What quota usage is counted from: the pods that count and a count of objects per kind. */
export type Inventory = { pods: JsonObject[]; count: (group: string, resource: string) => number };

const isActive = (pod: JsonObject): boolean => !["Succeeded", "Failed"].includes(stringAt(isJsonObject(pod.status) ? pod.status : undefined, "phase") ?? "");

/** A namespace's objects now. Kinds the emulator does not serve (services, secrets, PVCs) count 0. */
export function namespaceInventory(store: ClusterStore, namespace: string): Inventory {
  return {
    pods: activePods(store, namespace),
    count: (group, resource) => {
      const type = resourceTypes.find((candidate) => candidate.group === group && candidate.resource === resource && !candidate.virtual);
      return type ? store.list(type, namespace).length : 0;
    },
  };
}

/** One object about to be created: what it would add to each quota resource. */
export function objectInventory(type: ResourceType, object: JsonObject): Inventory {
  const isPod = type.group === "" && type.resource === "pods";
  return { pods: isPod && isActive(object) ? [object] : [], count: (group, resource) => (group === type.group && resource === type.resource ? 1 : 0) };
}

/** Pods that count against quota: every pod not yet Succeeded or Failed. */
function activePods(store: ClusterStore, namespace: string): JsonObject[] {
  const podsType = findResourceType("", "v1", "pods");
  if (!podsType) return [];
  return store.list(podsType, namespace).filter(isActive);
}

/** The sum of one container resource over the pods' containers (`requests` or `limits`). */
function podsTotal(pods: JsonObject[], kind: "requests" | "limits", resource: string): Amount {
  const amounts: Amount[] = [];
  for (const pod of pods) {
    const containers: Json[] = isJsonObject(pod.spec) && Array.isArray(pod.spec.containers) ? pod.spec.containers : [];
    for (const container of containers) {
      const resources = isJsonObject(container) && isJsonObject(container.resources) ? container.resources : {};
      const values = isJsonObject(resources[kind]) ? resources[kind] : {};
      const value = values[resource];
      const amount = typeof value === "string" || typeof value === "number" ? parseQuantity(String(value)) : undefined;
      if (amount) amounts.push(amount);
    }
  }
  return addQuantities(amounts);
}

/** Usage of one quota resource name, or undefined for a name no evaluator tracks. */
export function usageOf(name: string, { pods, count }: Inventory): string | undefined {
  const counted = countedByName[name];
  if (counted) return name === "pods" ? String(pods.length) : String(count(counted[0], counted[1]));
  if (name.startsWith("count/")) {
    const [resource = "", ...group] = name.slice("count/".length).split(".");
    return resource === "pods" && group.length === 0 ? String(pods.length) : String(count(group.join("."), resource));
  }
  if (name.startsWith("requests.") || name.startsWith("limits.")) {
    const [kind, ...rest] = name.split(".");
    return formatQuantity(podsTotal(pods, kind === "limits" ? "limits" : "requests", rest.join(".")));
  }
  if (computeResources.has(name)) return formatQuantity(podsTotal(pods, "requests", name));
  return undefined;
}

/**
 * What the resource quota controller writes to `status`: `hard` from the spec and `used` counted
 * from the namespace's objects now (the controller does it asynchronously; here on every read).
 */
export function withQuotaStatus(store: ClusterStore, quota: JsonObject): JsonObject {
  const metadata = isJsonObject(quota.metadata) ? quota.metadata : {};
  const namespace = stringAt(metadata, "namespace") ?? "";
  const hard = isJsonObject(quota.spec) && isJsonObject(quota.spec.hard) ? quota.spec.hard : {};
  const inventory = namespaceInventory(store, namespace);
  const used: JsonObject = {};
  for (const name of Object.keys(hard)) {
    const usage = usageOf(name, inventory);
    if (usage !== undefined) used[name] = usage;
  }
  return { ...quota, status: { hard, used } };
}
