import "server-only";
import { type TenantOffboardingPayload, tenantOffboardingPayload } from "@/lib/requests/kinds";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import { EnvironmentUnavailable } from "./environment-on-cluster";
import { planOffboarding } from "./offboarding-plan";

export type OffboardingOutcome = { ok: true; number: number } | { ok: false; error: string; field?: "confirmation" | "deletePolicy"; openRequest?: number };

type Asked = { tenant: { id: string; slug: string }; deletePolicy: "delete" | "keep"; confirmation: string; justification: string };

/**
 * Records a request to offboard a tenant (`tenant.request-offboarding` checked by the caller) with
 * its plan as read now, so the approver decides on that exact list and the executor removes exactly
 * it. Refused, recording nothing: a confirmation that is not the tenant's slug, an archived tenant, a
 * cluster that cannot be read, and an open offboarding of the same tenant.
 */
export async function requestOffboarding(asked: Asked, user: CurrentUser, context: RequestContext): Promise<OffboardingOutcome> {
  if (asked.confirmation.trim() !== asked.tenant.slug) return { ok: false, field: "confirmation", error: `Type the tenant's short name, ${asked.tenant.slug}, to confirm.` };
  const tenant = await db().tenant.findUnique({ where: { id: asked.tenant.id }, select: { archivedAt: true } });
  if (!tenant || tenant.archivedAt) return { ok: false, error: "This tenant is already archived." };
  let plan;
  try {
    plan = await planOffboarding(asked.tenant.id, context.correlationId);
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { ok: false, error: `The offboarding could not be planned: ${error.message} Nothing was recorded.` };
    throw error;
  }
  const payload: TenantOffboardingPayload = tenantOffboardingPayload.parse({ tenantSlug: asked.tenant.slug, deletePolicy: asked.deletePolicy, plan });
  const created = await createChangeRequestUnlessOpen(
    { kind: "tenant-offboarding", clusterResourceId: null, tenantId: asked.tenant.id, payload, justification: asked.justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: (stored) => tenantOffboardingPayload.safeParse(stored).data?.tenantSlug ?? "" },
  );
  if (!created.ok) return { ok: false, error: `Request #${created.openRequest.number} already asks to offboard ${asked.tenant.slug} and is still open.`, openRequest: created.openRequest.number };
  return { ok: true, number: created.number };
}
