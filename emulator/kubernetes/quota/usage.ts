import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import { findResourceType, resourceTypes } from "../resources";
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

function countOf(store: ClusterStore, namespace: string, group: string, resource: string): number {
  const type = resourceTypes.find((candidate) => candidate.group === group && candidate.resource === resource && !candidate.virtual);
  // Kinds the emulator does not serve (services, secrets, PVCs) cannot exist: their count is 0.
  return type ? store.list(type, namespace).length : 0;
}

/** Pods that count against quota: every pod not yet Succeeded or Failed. */
function activePods(store: ClusterStore, namespace: string): JsonObject[] {
  const podsType = findResourceType("", "v1", "pods");
  if (!podsType) return [];
  return store
    .list(podsType, namespace)
    .filter((pod) => !["Succeeded", "Failed"].includes(stringAt(isJsonObject(pod.status) ? pod.status : undefined, "phase") ?? ""));
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
function usageOf(store: ClusterStore, namespace: string, name: string, pods: JsonObject[]): string | undefined {
  const counted = countedByName[name];
  if (counted) return name === "pods" ? String(pods.length) : String(countOf(store, namespace, counted[0], counted[1]));
  if (name.startsWith("count/")) {
    const [resource = "", ...group] = name.slice("count/".length).split(".");
    return resource === "pods" && group.length === 0 ? String(pods.length) : String(countOf(store, namespace, group.join("."), resource));
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
  const pods = activePods(store, namespace);
  const used: JsonObject = {};
  for (const name of Object.keys(hard)) {
    const usage = usageOf(store, namespace, name, pods);
    if (usage !== undefined) used[name] = usage;
  }
  return { ...quota, status: { hard, used } };
}
