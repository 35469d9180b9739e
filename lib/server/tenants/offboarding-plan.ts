import "server-only";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantOffboardingPayload } from "@/lib/requests/kinds";
import { clusterdeskMetadataKeys, isClusterdeskRoleBinding } from "@/lib/tenants/offboarding";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import { namespacesOn } from "./cluster-namespaces";
import { EnvironmentUnavailable } from "./environment-on-cluster";
import { readEnvironmentArm } from "./offboarding-arm";

export type OffboardingPlan = TenantOffboardingPayload["plan"];

/**
 * What offboarding a tenant would remove, read now: each environment's namespace on its cluster with
 * its contents counted by kind, Clusterdesk's RoleBindings and labels there, what Azure holds for it
 * (managed namespace, the tenant groups' role assignments, workload identity and its federated
 * credentials), and every grant of the tenant not yet revoked. Throws `EnvironmentUnavailable`/
 * `KubeWriteError` when a cluster or ARM cannot be read.
 */
export async function planOffboarding(tenantId: string, correlationId: string): Promise<OffboardingPlan> {
  const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { ownerGroupId: true, memberGroupIds: true } });
  const environments = await db().tenantEnvironment.findMany({ where: { tenantId }, orderBy: [{ clusterResourceId: "asc" }, { namespace: "asc" }], select: { clusterResourceId: true, namespace: true } });
  const plannedEnvironments: OffboardingPlan["environments"] = [];
  for (const environment of environments) {
    const client = await namespacesOn(environment.clusterResourceId, correlationId);
    const live = await client.read(environment.namespace);
    const contents = live ? await client.countContents(environment.namespace) : [];
    const keys = live ? clusterdeskMetadataKeys(live.labels, live.annotations) : { labels: [], annotations: [] };
    plannedEnvironments.push({
      clusterResourceId: environment.clusterResourceId,
      clusterName: parseClusterResourceId(environment.clusterResourceId)?.name ?? environment.clusterResourceId,
      namespace: environment.namespace,
      exists: live !== null,
      contents,
      roleBindings: (contents.find((entry) => entry.kind === "RoleBinding")?.names ?? []).filter(isClusterdeskRoleBinding),
      ...keys,
      arm: await readEnvironmentArm(environment, tenant, correlationId),
    });
  }
  const namespaces = environments.map((environment) => ({ clusterResourceId: environment.clusterResourceId, namespace: environment.namespace }));
  const grants = await db().namespaceAccessGrant.findMany({
    where: { revokedAt: null, OR: [{ tenantId }, ...namespaces] },
    orderBy: { grantedAt: "asc" },
    select: { id: true, role: true, principalName: true, namespace: true, clusterResourceId: true, mechanism: true, externalId: true },
  });
  return { environments: plannedEnvironments, grants };
}

/** For the tenant page: the plan, or why the clusters could not be read (an expected failure, shown as such). */
export async function readOffboardingPlan(tenantId: string, correlationId: string): Promise<{ ok: true; plan: OffboardingPlan } | { ok: false; error: string }> {
  try {
    return { ok: true, plan: await planOffboarding(tenantId, correlationId) };
  } catch (error) {
    if (error instanceof EnvironmentUnavailable || error instanceof KubeWriteError) return { ok: false, error: error.message };
    throw error;
  }
}
