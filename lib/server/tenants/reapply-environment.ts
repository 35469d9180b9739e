import "server-only";
import { clusterKey } from "@/lib/clusters/resource-id";
import { type TenantEnvironmentPayload, tenantEnvironmentPayload } from "@/lib/requests/kinds";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { type EnvironmentLive, environmentLive } from "./environment-live";
import { type EnvironmentRequestOutcome, requestTenantEnvironment } from "./request-environment";

export type AppliedEnvironment = { name: string; namespace: string; clusterResourceId: string; template: string; appliedAt: Date; payload: TenantEnvironmentPayload };

/** One environment of the tenant that Clusterdesk applied from a template, with the request payload that applied it. */
export async function appliedEnvironment(tenantId: string, clusterResourceId: string, namespace: string): Promise<AppliedEnvironment | null> {
  const record = await db().tenantEnvironment.findUnique({ where: { clusterResourceId_namespace: { clusterResourceId: clusterKey(clusterResourceId), namespace } } });
  if (!record || record.tenantId !== tenantId || !record.template || !record.appliedAt) return null;
  const applied = record.lastRequestId ? await db().changeRequest.findUnique({ where: { id: record.lastRequestId }, select: { payload: true } }) : null;
  const payload = tenantEnvironmentPayload.safeParse(applied?.payload).data ?? { tenantSlug: "", environment: record.name, namespace, template: record.template };
  return { name: record.name, namespace, clusterResourceId: record.clusterResourceId, template: record.template, appliedAt: record.appliedAt, payload };
}

/** Quota and drift of an applied environment, read from the cluster now (nothing written). */
export function appliedEnvironmentLive(tenantId: string, environment: AppliedEnvironment): Promise<EnvironmentLive> {
  return environmentLive(tenantId, environment.clusterResourceId, environment.payload);
}

/**
 * Re-apply as a request: a new tenant-environment request for the same environment from its template
 * as the database holds it now (so drift is undone and template edits since arrive), planned now
 * against the live cluster and approved like any other.
 */
export function requestReapply(tenant: { id: string; slug: string }, environment: AppliedEnvironment, justification: string, user: CurrentUser, context: RequestContext): Promise<EnvironmentRequestOutcome> {
  return requestTenantEnvironment({ tenant, environment: environment.name, clusterResourceId: environment.clusterResourceId, template: environment.template }, justification, { applyNow: false }, user, context);
}
