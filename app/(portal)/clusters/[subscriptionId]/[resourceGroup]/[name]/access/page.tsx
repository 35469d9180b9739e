import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import { can, type ClusterResource } from "@/lib/auth/policy";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { grantChoices, listActiveGrants } from "@/lib/server/access/access-view";
import { cachedClusterAccess } from "@/lib/server/access/cached-access";
import { authorizePage } from "@/lib/server/auth/current-user";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { productionByTags } from "@/lib/server/clusters/cluster-resource";
import { FoundTable } from "./_components/found-table";
import { GrantAccessForm } from "./_components/grant-access-form";
import { EffectLiveRefresh } from "./_components/effect-live-refresh";
import { GrantTable } from "./_components/grant-table";

export const metadata: Metadata = { title: "Cluster access" };

type Params = { subscriptionId: string; resourceGroup: string; name: string };

export default async function AccessPage({ params }: { params: Promise<Params> }) {
  const { subscriptionId, resourceGroup, name } = await params;
  const { detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  const cluster: ClusterResource = { kind: "cluster", hostedTenantIds: detail.hostedTenantIds, production: productionByTags(detail.cluster) };
  const user = await authorizePage("cluster.access.view", cluster);
  const clusterId = clusterResourceId({ subscriptionId: detail.cluster.subscriptionId, resourceGroup: detail.cluster.resourceGroup, name: detail.cluster.name });
  const { identity } = detail.cluster;
  const mechanism = identity.azureRbac ? "Azure RBAC: each grant is an Azure role assignment at the namespace (or cluster) scope." : "Kubernetes RBAC: each grant is a RoleBinding to the matching default ClusterRole (view, edit, admin).";

  const heading = (
    <div className="mb-4 mt-6">
      <h2 className="text-xl font-semibold">Access granted through Clusterdesk</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {identity.managedAad ? mechanism : null}
      </p>
      <p className="mt-1 text-sm">
        <Link href={`/clusters/${encodeURIComponent(subscriptionId)}/${encodeURIComponent(resourceGroup)}/${encodeURIComponent(name)}/access/check`} className="font-medium underline underline-offset-2">
          Check access
        </Link>{" "}
        — can a person or group do something in a namespace, and why?
      </p>
    </div>
  );
  if (!identity.managedAad) {
    return (
      <>
        {heading}
        <EmptyState title="No Microsoft Entra ID on this cluster">
          Entra users and groups cannot sign in to this cluster, so Clusterdesk cannot grant them access. Enable AKS-managed Entra integration first.
        </EmptyState>
      </>
    );
  }
  // Whether to offer the form at all; every submit is then decided on the grant it asks for.
  const offersForm = can(user.principal, "cluster.request-change", cluster);
  const [grants, found, choices] = await Promise.all([
    listActiveGrants(clusterId, cluster, user.principal),
    cachedClusterAccess(clusterId, cluster, user.principal),
    offersForm ? grantChoices(clusterId, user.principal, { azureRbac: identity.azureRbac }) : null,
  ]);
  const canApplyDirectly = can(user.principal, "cluster.change", cluster);
  return (
    <>
      {heading}
      <div className="space-y-6">
        {grants.length === 0 ? (
          <EmptyState title="No access granted through Clusterdesk yet">Grants made here are listed per namespace, with who asked, why, and when they expire.</EmptyState>
        ) : (
          <div className="space-y-2">
            <GrantTable grants={grants} />
            {grants.some((grant) => grant.effect.state === "waiting") ? <EffectLiveRefresh /> : null}
          </div>
        )}
        <section aria-labelledby="found-heading" className="space-y-2">
          <h2 id="found-heading" className="text-lg font-semibold">
            Found on the cluster
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {identity.azureRbac
              ? "AKS data-plane role assignments made outside Clusterdesk (in the Azure portal, with az, by automation), including those inherited from the subscription or resource group."
              : "RoleBindings and ClusterRoleBindings for users and groups made outside Clusterdesk (with kubectl, by automation)."}{" "}
            As the inventory last read them{" "}
            {found.syncedAt ? (
              <>
                (<Timestamp date={found.syncedAt} withAbsolute />)
              </>
            ) : (
              "(not read yet: they appear after the next inventory sync)"
            )}
            . Adopting one makes it a Clusterdesk grant without changing the cluster; revoking deletes it.
          </p>
          {found.error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              The last read failed{found.attemptedAt ? <> (<Timestamp date={found.attemptedAt} />)</> : null}: {found.error} The list shows what was read before.
            </p>
          ) : null}
          {found.found.length === 0 ? (
            <p className="text-sm">None{user.principal.roles.length === 0 ? " in your tenants' namespaces" : ""}.</p>
          ) : (
            <FoundTable entries={found.found} />
          )}
          {found.truncated ? <p className="text-sm">Only the first entries are shown: the cluster has more than this page holds. The person view (Access in the main navigation) shows everyone&apos;s, per person.</p> : null}
        </section>
        {choices ? (
          <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <GrantAccessForm
              clusterId={clusterId}
              choices={choices}
              canApplyDirectly={canApplyDirectly}
              fourEyes={cluster.production ? "This is a production cluster: every grant, also a platform admin's, needs a second platform admin's approval." : null}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
