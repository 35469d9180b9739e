import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import { can, type ClusterResource, type Principal } from "@/lib/auth/policy";
import { grantChoices, listActiveGrants } from "@/lib/server/access/access-view";
import { cachedClusterAccess } from "@/lib/server/access/cached-access";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { EffectLiveRefresh } from "./effect-live-refresh";
import { FoundTable } from "./found-table";
import { GrantAccessForm } from "./grant-access-form";
import { GrantTable } from "./grant-table";

/**
 * The Access tab below its heading, streamed: Clusterdesk's grants with their live effect, what the
 * inventory found on the cluster, and the grant form's choices (tenants' namespaces and groups).
 */
export async function AccessSections({ clusterId, cluster, azureRbac, principal }: { clusterId: string; cluster: ClusterResource; azureRbac: boolean; principal: Principal }) {
  await slowSection("cluster-access");
  // Whether to offer the form at all; every submit is then decided on the grant it asks for.
  const offersForm = can(principal, "cluster.request-change", cluster);
  const [grants, found, choices] = await Promise.all([
    listActiveGrants(clusterId, cluster, principal),
    cachedClusterAccess(clusterId, cluster, principal),
    offersForm ? grantChoices(clusterId, principal, { azureRbac }) : null,
  ]);
  const canApplyDirectly = can(principal, "cluster.change", cluster);
  return (
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
          {azureRbac
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
          <p className="text-sm">None{principal.roles.length === 0 ? " in your tenants' namespaces" : ""}.</p>
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
  );
}
