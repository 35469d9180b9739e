import "server-only";
import { randomUUID } from "node:crypto";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { type TenantEnvironmentPayload, tenantEnvironmentPayload } from "@/lib/requests/kinds";
import type { RequestStatus } from "@/lib/requests/state-machine";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import { logger } from "@/lib/server/logger";
import { EnvironmentUnavailable, environmentOnCluster } from "./environment-on-cluster";

export type QuotaUsage = { resource: string; used: string; hard: string };

export type EnvironmentQuota =
  | { state: "read"; usage: QuotaUsage[] }
  | { state: "unavailable"; message: string }
  /** Not made by Clusterdesk (seeded or found), or not applied yet: no quota of Clusterdesk's to read. */
  | { state: "none" };

export type EnvironmentStatus = {
  namespace: string;
  environment: string;
  cluster: { name: string; subscriptionId: string; resourceGroup: string };
  template: string | null;
  appliedAt: Date | null;
  /** The latest request for this namespace on this cluster. */
  request: { number: number; status: RequestStatus; updatedAt: Date } | null;
  quota: EnvironmentQuota;
};

const keyOf = (clusterResourceId: string, namespace: string) => `${clusterResourceId.toLowerCase()}|${namespace}`;

/**
 * A tenant's environments as Clusterdesk records them, with the latest request for each (also for
 * environments asked for and not applied yet) and, for those Clusterdesk applied, the quota's usage
 * read live from the ResourceQuota's status. A cluster that cannot be read gives that environment an
 * error state; the others still show.
 */
export async function tenantEnvironmentStatuses(tenantId: string): Promise<EnvironmentStatus[]> {
  const [records, requests] = await Promise.all([
    db().tenantEnvironment.findMany({ where: { tenantId }, orderBy: [{ namespace: "asc" }] }),
    db().changeRequest.findMany({ where: { tenantId, kind: "tenant-environment" }, orderBy: { number: "desc" }, select: { number: true, status: true, updatedAt: true, clusterResourceId: true, payload: true } }),
  ]);
  const latest = new Map<string, { request: EnvironmentStatus["request"]; payload: TenantEnvironmentPayload; clusterResourceId: string }>();
  for (const request of requests) {
    const payload = tenantEnvironmentPayload.safeParse(request.payload);
    if (!payload.success || !request.clusterResourceId) continue;
    const key = keyOf(request.clusterResourceId, payload.data.namespace);
    if (!latest.has(key)) latest.set(key, { request: { number: request.number, status: request.status, updatedAt: request.updatedAt }, payload: payload.data, clusterResourceId: request.clusterResourceId });
  }
  const rows = records.map((record) => {
    const asked = latest.get(keyOf(record.clusterResourceId, record.namespace));
    return {
      clusterResourceId: record.clusterResourceId,
      namespace: record.namespace,
      environment: record.template ? record.name : record.namespace,
      template: record.template,
      appliedAt: record.appliedAt,
      request: asked?.request ?? null,
      // What the environment was last asked to be (with the template as recorded then), for the quota read.
      payload: asked?.payload ?? (record.template ? { tenantSlug: "", environment: record.name, namespace: record.namespace, template: record.template } : null),
    };
  });
  const recorded = new Set(records.map((record) => keyOf(record.clusterResourceId, record.namespace)));
  for (const [key, asked] of latest) {
    if (!recorded.has(key)) rows.push({ clusterResourceId: asked.clusterResourceId, namespace: asked.payload.namespace, environment: asked.payload.environment, template: asked.payload.template, appliedAt: null, request: asked.request, payload: asked.payload });
  }
  return Promise.all(
    rows.map(async (row) => {
      const parsed = parseClusterResourceId(row.clusterResourceId);
      const cluster = { name: parsed?.name ?? row.clusterResourceId, subscriptionId: parsed?.subscriptionId ?? "", resourceGroup: parsed?.resourceGroup ?? "" };
      const quota = row.appliedAt && row.payload ? await quotaOf(tenantId, row.clusterResourceId, row.payload) : ({ state: "none" } as const);
      return { namespace: row.namespace, environment: row.environment, cluster, template: row.template, appliedAt: row.appliedAt, request: row.request, quota };
    }),
  );
}

async function quotaOf(tenantId: string, clusterResourceId: string, payload: TenantEnvironmentPayload): Promise<EnvironmentQuota> {
  const { namespace } = payload;
  try {
    const onCluster = await environmentOnCluster(tenantId, clusterResourceId, payload, randomUUID());
    const quota = onCluster.rendered.objects.find((object) => object.kind === "ResourceQuota");
    if (!quota) return { state: "none" };
    type QuotaRead = { status?: { hard?: Record<string, string>; used?: Record<string, string> } } | null;
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
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { state: "unavailable", message: `The cluster could not be read: ${error.message}` };
    logger.warn("tenant environment quota read failed", { tenantId, namespace, error });
    return { state: "unavailable", message: "The cluster could not be read." };
  }
}
