import "server-only";
import { clusterKey } from "@/lib/clusters/resource-id";
import { type TenantEnvironmentPayload, tenantEnvironmentPayload } from "@/lib/requests/kinds";
import { checkNamespace, environmentNamespace } from "@/lib/tenants/environment-names";
import { snapshotOf } from "@/lib/tenants/requested-template";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import { EnvironmentUnavailable, environmentOnCluster } from "./environment-on-cluster";
import { planEnvironment } from "./environment-plan";
import { findTemplate } from "./tenant-templates";

export type EnvironmentRequestOutcome =
  | { ok: true; number: number; status: string }
  | { ok: false; error: string; field?: "environment" | "clusterId" | "template"; openRequest?: number };

type Asked = { tenant: { id: string; slug: string }; environment: string; clusterResourceId: string; template: string };

/**
 * Records a request for one tenant environment the policy already allowed. Refused with a reason,
 * recording nothing: a namespace name Kubernetes would refuse or the cluster reserves, a cluster not
 * in the inventory, a namespace another tenant has there, a plan with conflicts (computed now against
 * the live cluster), a cluster that cannot be planned against, and an open request for the same namespace.
 * The template is read from the database now and recorded in the request as it is now, so the plan the
 * approver sees and the executor applies does not change when an admin edits the template later.
 */
export async function requestTenantEnvironment(asked: Asked, justification: string, options: { applyNow: boolean }, user: CurrentUser, context: RequestContext): Promise<EnvironmentRequestOutcome> {
  const namespace = environmentNamespace(asked.tenant.slug, asked.environment);
  const name = checkNamespace(namespace);
  if (!name.ok) return { ok: false, error: name.message, field: "environment" };
  const key = clusterKey(asked.clusterResourceId);
  const [cached, taken, stored] = await Promise.all([
    db().inventoryCluster.findUnique({ where: { key }, select: { resourceId: true } }),
    db().tenantEnvironment.findUnique({ where: { clusterResourceId_namespace: { clusterResourceId: key, namespace } }, select: { tenantId: true } }),
    findTemplate(asked.template),
  ]);
  if (!stored || stored.archivedAt) return { ok: false, error: stored ? `The ${stored.template.label} template is archived; choose another.` : `There is no template ${asked.template}; choose another.`, field: "template" };
  if (!cached) return { ok: false, error: "This cluster is not in the inventory.", field: "clusterId" };
  if (taken && taken.tenantId !== asked.tenant.id) return { ok: false, error: `${namespace} on this cluster is another tenant's environment.`, field: "environment" };

  const { template } = stored;
  const payload: TenantEnvironmentPayload = tenantEnvironmentPayload.parse({ tenantSlug: asked.tenant.slug, environment: asked.environment, namespace, template: template.name, templateSnapshot: snapshotOf(template) });
  try {
    const environment = await environmentOnCluster(asked.tenant.id, cached.resourceId, payload, context.correlationId);
    const plan = await planEnvironment(environment.client, environment.rendered, asked.tenant.slug, environment.arm);
    const conflicts = plan.steps.filter((step) => step.action === "conflict");
    const placement = conflicts.filter((step) => step.kind === "NodePool");
    if (placement.length > 0) return { ok: false, error: `The template cannot be placed on this cluster: ${placement.map((step) => step.reason).join(" ")} Nothing was recorded.`, field: "clusterId" };
    if (conflicts.length > 0) return { ok: false, error: `The cluster already has objects Clusterdesk will not take over: ${conflicts.map((step) => step.reason).join(" ")} Nothing was recorded.` };
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { ok: false, error: `The environment could not be planned: ${error.message} Nothing was recorded.` };
    throw error;
  }

  const created = await createChangeRequestUnlessOpen(
    { kind: "tenant-environment", clusterResourceId: key, tenantId: asked.tenant.id, payload, justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: (stored) => tenantEnvironmentPayload.safeParse(stored).data?.namespace ?? "", ...(options.applyNow ? { applyDirectly: { reason: justification } } : {}) },
  );
  if (!created.ok) {
    const { number } = created.openRequest;
    return { ok: false, error: `Request #${number} already asks for ${namespace} on this cluster and is still open.`, openRequest: number };
  }
  return { ok: true, number: created.number, status: created.status };
}
