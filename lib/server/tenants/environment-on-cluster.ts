import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { identityNameFor } from "@/lib/tenants/arm-intents";
import type { EnvironmentTarget } from "@/lib/tenants/environment-target";
import { type EnvironmentTenant, type RenderedEnvironment, renderEnvironment } from "@/lib/tenants/render-environment";
import { requestedTemplate } from "@/lib/tenants/requested-template";
import type { EnvironmentTemplate } from "@/lib/tenants/templates";
import { portalClusterCredentials } from "@/lib/server/access/cluster-credentials";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getUserAssignedIdentity } from "@/lib/server/azure/managed-identities";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { listAgentPools } from "@/lib/server/azure/managed-namespaces";
import { db } from "@/lib/server/db/client";
import { type ManifestClient, manifestClient } from "@/lib/server/kube/manifests";
import { type EnvironmentArm, environmentArm } from "./environment-arm";
import { EnvironmentUnavailable } from "./environment-unavailable";

export { EnvironmentUnavailable };

export type EnvironmentOnCluster = {
  tenantSlug: string;
  rendered: RenderedEnvironment;
  client: ManifestClient;
  arm: EnvironmentArm;
  /** Renders again with the identity's client id once it exists (the executor, after creating it). */
  rerender(identityClientId: string): RenderedEnvironment;
};

async function armRead<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = armFailure(error);
    throw new EnvironmentUnavailable(`${what}: ${failure.message}`, failure.retryable, { cause: error });
  }
}

async function targetOf(cluster: Cluster, correlationId: string): Promise<EnvironmentTarget> {
  // The pools as the agentPools API lists them: the taints and labels a placement is checked against.
  const nodePools = await armRead("The cluster's node pools could not be read", () => listAgentPools(cluster.id, correlationId));
  return {
    clusterResourceId: cluster.id, clusterName: cluster.name, subscriptionId: cluster.subscriptionId, resourceGroup: cluster.resourceGroup, location: cluster.location,
    azureRbac: cluster.identity.azureRbac,
    oidcIssuerUrl: cluster.workloadIdentity.oidcIssuerEnabled ? cluster.workloadIdentity.oidcIssuerUrl : null,
    nodePools,
  };
}

/**
 * Renders a requested environment from the tenant as recorded now (its groups may have changed since
 * the request) for the cluster as ARM describes it now (Azure RBAC or not, OIDC issuer, node pools),
 * with the workload identity's client id when the identity already exists, and connects to the
 * cluster's API server as the portal, the way the inventory does. The template is the one the request
 * recorded (requested-template.ts), unless the caller passes another.
 */
export async function environmentOnCluster(tenantId: string, clusterResourceId: string, payload: TenantEnvironmentPayload, correlationId: string, template: EnvironmentTemplate | null = requestedTemplate(payload)): Promise<EnvironmentOnCluster> {
  if (!template) throw new EnvironmentUnavailable(`The request names the template ${payload.template}, which it does not describe and this version does not know.`, false);
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { slug: true, ownerGroupId: true, memberGroupIds: true } });
  if (!tenant) throw new EnvironmentUnavailable("The tenant no longer exists.", false);
  const cluster = (await armRead("Azure Resource Manager could not be asked about the cluster", () => getCluster(clusterResourceId, correlationId))).cluster;
  if (cluster.apiServerAccess.privateCluster) {
    throw new EnvironmentUnavailable("The cluster is private: the portal cannot reach its API server to plan or apply the environment.", false);
  }
  const target = await targetOf(cluster, correlationId);
  const environmentTenant: EnvironmentTenant = tenant;
  const namespace = renderEnvironment(environmentTenant, payload.environment, template).namespace;
  if (namespace !== payload.namespace) throw new EnvironmentUnavailable(`The tenant's namespace would now be ${namespace}, not ${payload.namespace} as requested.`, false);
  const identity = template.workloadIdentity && target.oidcIssuerUrl
    ? await armRead("The environment's managed identity could not be read", () => getUserAssignedIdentity({ subscriptionId: target.subscriptionId, resourceGroup: target.resourceGroup, name: identityNameFor(target, namespace) }, correlationId))
    : null;
  const render = (identityClientId: string | null) => renderEnvironment(environmentTenant, payload.environment, template, target, { identityClientId });
  const client = manifestClient(await armRead("The cluster's credentials could not be read", () => portalClusterCredentials(cluster, correlationId)));
  return { tenantSlug: tenant.slug, rendered: render(identity?.clientId ?? null), client, arm: environmentArm(client, cluster.location, correlationId), rerender: render };
}
