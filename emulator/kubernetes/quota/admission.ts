import { isJsonObject, stringAt, type JsonObject } from "../json";
import { findResourceType, type ResourceType } from "../resources";
import type { ClusterStore } from "../store";
import { forbidden } from "../status";
import { parseQuantity } from "./quantity";
import { namespaceInventory, objectInventory, usageOf } from "./usage";

const nanos = (text: string): bigint => parseQuantity(text)?.nanos ?? 0n;

/**
 * The ResourceQuota admission plugin on create: an object that would take any quota in its
 * namespace past `spec.hard` is refused with the plugin's message, e.g.
 * `exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3`. Returns the
 * message instead of throwing, for the Deployment stand-in, which reports it in a condition.
 */
export function quotaRefusal(store: ClusterStore, type: ResourceType, namespace: string, object: JsonObject): string | undefined {
  const quotas = findResourceType("", "v1", "resourcequotas");
  if (!quotas || !type.namespaced) return undefined;
  const adding = objectInventory(type, object);
  const present = namespaceInventory(store, namespace);
  for (const quota of store.list(quotas, namespace)) {
    const hard = isJsonObject(quota.spec) && isJsonObject(quota.spec.hard) ? quota.spec.hard : {};
    const exceeded = Object.entries(hard).flatMap(([name, limit]) => {
      const requested = usageOf(name, adding);
      if (requested === undefined || nanos(requested) === 0n) return [];
      const used = usageOf(name, present) ?? "0";
      return nanos(used) + nanos(requested) > nanos(String(limit)) ? [{ name, requested, used, limit: String(limit) }] : [];
    });
    if (exceeded.length === 0) continue;
    const list = (pick: (item: (typeof exceeded)[number]) => string) => exceeded.map((item) => `${item.name}=${pick(item)}`).join(",");
    const quotaName = stringAt(isJsonObject(quota.metadata) ? quota.metadata : undefined, "name") ?? "";
    return `exceeded quota: ${quotaName}, requested: ${list((item) => item.requested)}, used: ${list((item) => item.used)}, limited: ${list((item) => item.limit)}`;
  }
  return undefined;
}

export function admitCreate(store: ClusterStore, type: ResourceType, namespace: string, object: JsonObject): void {
  const refusal = quotaRefusal(store, type, namespace, object);
  if (refusal) throw forbidden(type, stringAt(isJsonObject(object.metadata) ? object.metadata : undefined, "name") ?? "", refusal);
}
