import "server-only";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { type RenderedEnvironment, renderEnvironment } from "@/lib/tenants/render-environment";
import { environmentTemplates } from "@/lib/tenants/templates";
import { portalClusterCredentials } from "@/lib/server/access/cluster-credentials";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { db } from "@/lib/server/db/client";
import { type ManifestClient, manifestClient } from "@/lib/server/kube/manifests";

export type EnvironmentOnCluster = { tenantSlug: string; rendered: RenderedEnvironment; client: ManifestClient };

/** Why an environment cannot be planned or applied now; `retryable` when asking again later may help. */
export class EnvironmentUnavailable extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "EnvironmentUnavailable";
  }
}

/**
 * Renders a requested environment from the tenant as recorded now (its groups may have changed since
 * the request) and connects to the cluster's API server as the portal, the way the inventory does.
 */
export async function environmentOnCluster(tenantId: string, clusterResourceId: string, payload: TenantEnvironmentPayload, correlationId: string): Promise<EnvironmentOnCluster> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { slug: true, ownerGroupId: true, memberGroupIds: true } });
  if (!tenant) throw new EnvironmentUnavailable("The tenant no longer exists.", false);
  const rendered = renderEnvironment(tenant, payload.environment, environmentTemplates[payload.template]);
  if (rendered.namespace !== payload.namespace) throw new EnvironmentUnavailable(`The tenant's namespace would now be ${rendered.namespace}, not ${payload.namespace} as requested.`, false);
  let cluster;
  try {
    cluster = (await getCluster(clusterResourceId, correlationId)).cluster;
  } catch (error) {
    const failure = armFailure(error);
    throw new EnvironmentUnavailable(`Azure Resource Manager could not be asked about the cluster: ${failure.message}`, failure.retryable, { cause: error });
  }
  if (cluster.apiServerAccess.privateCluster) {
    throw new EnvironmentUnavailable("The cluster is private: the portal cannot reach its API server to plan or apply the environment.", false);
  }
  try {
    return { tenantSlug: tenant.slug, rendered, client: manifestClient(await portalClusterCredentials(cluster, correlationId)) };
  } catch (error) {
    const failure = armFailure(error);
    throw new EnvironmentUnavailable(`The cluster's credentials could not be read: ${failure.message}`, failure.retryable, { cause: error });
  }
}
