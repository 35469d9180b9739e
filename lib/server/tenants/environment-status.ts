import "server-only";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { type TenantEnvironmentPayload, tenantEnvironmentPayload } from "@/lib/requests/kinds";
import type { RequestStatus } from "@/lib/requests/state-machine";
import { db } from "@/lib/server/db/client";
import type { EnvironmentDrift } from "@/lib/tenants/drift";
import { type EnvironmentQuota, environmentLive } from "./environment-live";

export type { EnvironmentQuota, QuotaUsage } from "./environment-live";

export type EnvironmentStatus = {
  namespace: string;
  environment: string;
  cluster: { name: string; subscriptionId: string; resourceGroup: string };
  clusterResourceId: string;
  template: string | null;
  appliedAt: Date | null;
  /** The latest request for this namespace on this cluster. */
  request: { number: number; status: RequestStatus; updatedAt: Date } | null;
  quota: EnvironmentQuota;
  drift: EnvironmentDrift;
};

const keyOf = (clusterResourceId: string, namespace: string) => `${clusterResourceId.toLowerCase()}|${namespace}`;

/**
 * A tenant's environments as Clusterdesk records them, with the latest request for each (also for
 * environments asked for and not applied yet) and, for those Clusterdesk applied, the quota's usage
 * read live from the ResourceQuota's status and the drift from what was applied (environment-live.ts). A cluster that cannot be read gives that environment an
 * error state; the others still show.
 */
export async function tenantEnvironmentStatuses(tenantId: string): Promise<EnvironmentStatus[]> {
  const [records, requests] = await Promise.all([
    db().tenantEnvironment.findMany({ where: { tenantId }, orderBy: [{ namespace: "asc" }] }),
    db().changeRequest.findMany({ where: { tenantId, kind: "tenant-environment" }, orderBy: { number: "desc" }, select: { id: true, number: true, status: true, updatedAt: true, clusterResourceId: true, payload: true } }),
  ]);
  const latest = new Map<string, { request: EnvironmentStatus["request"]; payload: TenantEnvironmentPayload; clusterResourceId: string }>();
  const payloads = new Map<string, TenantEnvironmentPayload>();
  for (const request of requests) {
    const payload = tenantEnvironmentPayload.safeParse(request.payload);
    if (!payload.success || !request.clusterResourceId) continue;
    payloads.set(request.id, payload.data);
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
      // What the environment was last applied as (with the template as recorded then): quota and drift are read against it.
      payload: (record.lastRequestId ? payloads.get(record.lastRequestId) : undefined) ?? (record.template ? { tenantSlug: "", environment: record.name, namespace: record.namespace, template: record.template } : null),
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
      const live = row.appliedAt && row.payload ? await environmentLive(tenantId, row.clusterResourceId, row.payload) : ({ quota: { state: "none" }, drift: { state: "none" } } as const);
      return { namespace: row.namespace, environment: row.environment, cluster, clusterResourceId: row.clusterResourceId, template: row.template, appliedAt: row.appliedAt, request: row.request, ...live };
    }),
  );
}
