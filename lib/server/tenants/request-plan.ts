import "server-only";
import { tenantEnvironmentPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import { logger } from "@/lib/server/logger";
import { EnvironmentUnavailable, environmentOnCluster } from "./environment-on-cluster";
import { type EnvironmentPlan, planEnvironment } from "./environment-plan";

export type RequestPlanOutcome = { ok: true; plan: EnvironmentPlan } | { ok: false; error: string; computedAt: Date };

/**
 * The plan of a tenant-environment request, computed now against the live cluster (a dry run: nothing
 * is written). The caller has authorized `request.view` on the request.
 */
export async function planForRequest(requestId: string): Promise<RequestPlanOutcome> {
  const computedAt = new Date();
  const request = await db().changeRequest.findUnique({ where: { id: requestId }, select: { kind: true, tenantId: true, clusterResourceId: true, payload: true, correlationId: true } });
  const payload = tenantEnvironmentPayload.safeParse(request?.payload);
  if (!request || request.kind !== "tenant-environment" || !payload.success || !request.tenantId || !request.clusterResourceId) {
    return { ok: false, error: "This request does not describe a tenant environment this version can plan.", computedAt };
  }
  try {
    const environment = await environmentOnCluster(request.tenantId, request.clusterResourceId, payload.data, request.correlationId);
    return { ok: true, plan: await planEnvironment(environment.client, environment.rendered, environment.tenantSlug, environment.arm) };
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { ok: false, error: error.message, computedAt };
    logger.warn("tenant environment plan failed", { requestId, correlationId: request.correlationId, error });
    return { ok: false, error: "The plan could not be computed.", computedAt };
  }
}
