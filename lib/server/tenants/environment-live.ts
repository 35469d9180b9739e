import "server-only";
import { randomUUID } from "node:crypto";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { type EnvironmentDrift, driftOf } from "@/lib/tenants/drift";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import { logger } from "@/lib/server/logger";
import { EnvironmentUnavailable, type EnvironmentOnCluster, environmentOnCluster } from "./environment-on-cluster";
import { planEnvironment } from "./environment-plan";

export type QuotaUsage = { resource: string; used: string; hard: string };

export type EnvironmentQuota =
  | { state: "read"; usage: QuotaUsage[] }
  | { state: "unavailable"; message: string }
  /** Not made by Clusterdesk (seeded or found), or not applied yet: no quota of Clusterdesk's to read. */
  | { state: "none" };

export type EnvironmentLive = { quota: EnvironmentQuota; drift: EnvironmentDrift };

type QuotaRead = { status?: { hard?: Record<string, string>; used?: Record<string, string> } } | null;

async function quotaOf(onCluster: EnvironmentOnCluster, namespace: string): Promise<EnvironmentQuota> {
  const quota = onCluster.rendered.objects.find((object) => object.kind === "ResourceQuota");
  if (!quota) return { state: "none" };
  const live = (await onCluster.client.read(quota)) as QuotaRead;
  if (!live) return { state: "unavailable", message: "The quota is not on the cluster any more (removed outside Clusterdesk)." };
  const usageOf = (object: QuotaRead) => {
    const hard = object?.status?.hard ?? {};
    const used = object?.status?.used ?? {};
    return Object.entries(hard).map(([resource, limit]) => ({ resource, hard: limit, used: used[resource] ?? "0" }));
  };
  // A managed namespace's CPU and memory live in the quota AKS makes from defaultResourceQuota
  // (named `default`, see emulator/kubernetes/managed-namespaces.ts); Clusterdesk's holds the counts.
  const managed = onCluster.rendered.arm.before.some((intent) => intent.kind === "ManagedNamespace");
  const armQuota = managed ? ((await onCluster.client.read({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "default", namespace, labels: {} } })) as QuotaRead) : null;
  return { state: "read", usage: [...usageOf(armQuota), ...usageOf(live)] };
}

/**
 * An applied environment as it is on the cluster now: the quota's usage (ResourceQuota status) and
 * its drift, the plan of the request that applied it computed against the live objects (a dry run:
 * nothing is written). One connection to the cluster for both; a cluster that cannot be read gives
 * both an error state.
 */
export async function environmentLive(tenantId: string, clusterResourceId: string, payload: TenantEnvironmentPayload): Promise<EnvironmentLive> {
  try {
    const onCluster = await environmentOnCluster(tenantId, clusterResourceId, payload, randomUUID());
    const [quota, plan] = await Promise.all([quotaOf(onCluster, payload.namespace), planEnvironment(onCluster.client, onCluster.rendered, onCluster.tenantSlug, onCluster.arm)]);
    return { quota, drift: driftOf(plan.steps) };
  } catch (error) {
    const message = error instanceof EnvironmentUnavailable || error instanceof KubeWriteError ? `The cluster could not be read: ${error.message}` : "The cluster could not be read.";
    if (message === "The cluster could not be read.") logger.warn("tenant environment live read failed", { tenantId, namespace: payload.namespace, error });
    return { quota: { state: "unavailable", message }, drift: { state: "unavailable", message } };
  }
}
