import "server-only";
import { clusterKey } from "@/lib/clusters/resource-id";
import { checkEnvironmentName, isDns1123Label } from "@/lib/tenants/environment-names";
import { isReservedName } from "@/lib/tenants/tenant-names";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf, auditActor } from "@/lib/server/requests/actor";
import { namespacesOn } from "./cluster-namespaces";
import { EnvironmentUnavailable } from "./environment-on-cluster";

export type AdoptableNamespaces = { ok: true; namespaces: string[] } | { ok: false; error: string };
export type AdoptionOutcome = { ok: true } | { ok: false; error: string; field?: "namespace" | "environment" | "clusterId" };

/** Why a namespace can never be a tenant's: the cluster's own, or a name Kubernetes would not allow. */
function systemNamespaceReason(namespace: string): string | null {
  if (!isDns1123Label(namespace)) return `${namespace} is not a valid namespace name.`;
  return isReservedName(namespace) ? `${namespace} belongs to the cluster itself; it cannot be a tenant's environment.` : null;
}

/** The namespaces of a cluster an admin may adopt: on the cluster, not the cluster's own, no tenant's yet. */
export async function adoptableNamespaces(clusterResourceId: string, correlationId: string): Promise<AdoptableNamespaces> {
  const key = clusterKey(clusterResourceId);
  // Only clusters Clusterdesk inventories: the id comes from the browser.
  const cluster = await db().inventoryCluster.findUnique({ where: { key }, select: { resourceId: true } });
  if (!cluster) return { ok: false, error: "This cluster is not in the inventory." };
  try {
    const live = await (await namespacesOn(cluster.resourceId, correlationId)).list();
    const owned = new Set((await db().tenantEnvironment.findMany({ where: { clusterResourceId: key }, select: { namespace: true } })).map((row) => row.namespace));
    return { ok: true, namespaces: live.map((ns) => ns.name).filter((name) => !owned.has(name) && systemNamespaceReason(name) === null).sort() };
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { ok: false, error: `The cluster's namespaces could not be listed: ${error.message}` };
    throw error;
  }
}

type Adoption = { tenantId: string; clusterResourceId: string; namespace: string; environment: string };

/**
 * Records an existing namespace as an environment of a tenant (`tenant.manage`, an admin), with its
 * audit event in one transaction. Nothing is written to the cluster: a later re-apply request brings
 * it under a template. Refused, recording nothing: the cluster's own namespaces, a namespace that is
 * not on the cluster, one already a tenant's, an archived tenant, an environment name in use there.
 */
export async function adoptNamespace(adoption: Adoption, user: CurrentUser, context: RequestContext): Promise<AdoptionOutcome> {
  const systemReason = systemNamespaceReason(adoption.namespace);
  if (systemReason) return { ok: false, error: systemReason, field: "namespace" };
  const name = checkEnvironmentName(adoption.environment);
  if (!name.ok) return { ok: false, error: name.message, field: "environment" };
  const key = clusterKey(adoption.clusterResourceId);
  const [cluster, tenant, owner] = await Promise.all([
    db().inventoryCluster.findUnique({ where: { key }, select: { resourceId: true } }),
    db().tenant.findUnique({ where: { id: adoption.tenantId }, select: { slug: true, archivedAt: true } }),
    db().tenantEnvironment.findUnique({ where: { clusterResourceId_namespace: { clusterResourceId: key, namespace: adoption.namespace } }, select: { tenant: { select: { slug: true } } } }),
  ]);
  if (!cluster) return { ok: false, error: "This cluster is not in the inventory.", field: "clusterId" };
  if (!tenant || tenant.archivedAt) return { ok: false, error: "This tenant does not exist or is archived." };
  if (owner) return { ok: false, error: `${adoption.namespace} on this cluster is already an environment of ${owner.tenant.slug}.`, field: "namespace" };
  try {
    const live = await (await namespacesOn(cluster.resourceId, context.correlationId)).read(adoption.namespace);
    if (!live) return { ok: false, error: `There is no namespace ${adoption.namespace} on this cluster to adopt.`, field: "namespace" };
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { ok: false, error: `The cluster could not be read: ${error.message} Nothing was recorded.` };
    throw error;
  }
  const sameName = await db().tenantEnvironment.findUnique({ where: { tenantId_name_clusterResourceId: { tenantId: adoption.tenantId, name: adoption.environment, clusterResourceId: key } }, select: { namespace: true } });
  if (sameName) return { ok: false, error: `${tenant.slug} already has an environment named ${adoption.environment} on this cluster (${sameName.namespace}).`, field: "environment" };
  try {
    await db().$transaction(async (tx) => {
      const environment = await tx.tenantEnvironment.create({ data: { tenantId: adoption.tenantId, clusterResourceId: key, namespace: adoption.namespace, name: adoption.environment, template: null } });
      await appendAuditEvent(tx, {
        actor: auditActor(actorOf(user)),
        action: "tenant_environment.adopted",
        target: { type: "tenant_environment", id: environment.id, clusterId: key, tenantId: adoption.tenantId },
        outcome: "success",
        after: { tenant: tenant.slug, namespace: adoption.namespace, environment: adoption.environment },
        correlationId: context.correlationId,
        clientIp: context.clientIp,
        userAgent: context.userAgent,
      });
    });
  } catch (error) {
    if (error && typeof error === "object" && "code" in error && error.code === "P2002") return { ok: false, error: `${adoption.namespace} on this cluster was just adopted by someone else.`, field: "namespace" };
    throw error;
  }
  return { ok: true };
}
