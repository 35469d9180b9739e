import type { Principal } from "@/lib/auth/policy";
import { namespacesVisibleTo } from "@/lib/clusters/namespace-visibility";
import type { ClusterDetail } from "@/lib/server/clusters/inventory-read";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { Facts, Section, tableClass, td, th, yesNo } from "./facts";
import { PostureFindings } from "./posture-findings";

const list = (values: readonly string[]) => (values.length > 0 ? values.join(", ") : "—");
const labels = (record: Record<string, string>) => list(Object.entries(record).map(([key, value]) => `${key}=${value}`));

/** The overview's sections, streamed after the layout has authorized and sent the header. */
export async function OverviewSections({ detail, principal }: { detail: ClusterDetail; principal: Principal }) {
  await slowSection("cluster-overview");
  const { cluster } = detail;
  const { apiServerAccess: access, identity, network, workloadIdentity, podIdentity } = cluster;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section title="Overview">
        <Facts items={[
          ["Resource id", <code key="id" className="break-all text-xs">{cluster.id}</code>],
          ["State", `${cluster.provisioningState}, ${cluster.powerState}`],
          ["Node pools", `${cluster.nodePools.length} (${cluster.nodePools.reduce((sum, pool) => sum + pool.count, 0)} nodes)`],
          ["Tags", labels(cluster.tags)],
        ]} />
      </Section>

      <Section title="API server access">
        <Facts items={[
          ["Access", access.privateCluster ? "Private cluster (Private Link)" : access.authorizedIpRanges.length > 0 ? "Public, restricted to authorized IP ranges" : "Public, open to any IP address"],
          ["Authorized IP ranges", list(access.authorizedIpRanges)],
          ["Public FQDN", access.publicFqdn ?? "—"],
          ["Private FQDN", access.privateFqdn ?? "—"],
          ["Reachable from the portal", detail.apiServerReachable ? "Yes" : (detail.apiServerError ?? "API server not reachable from the portal")],
        ]} />
      </Section>

      <Section title="Entra integration">
        <Facts items={[
          ["Managed Entra ID", yesNo(identity.managedAad)],
          ["Admin groups", identity.adminGroupObjectIds.length === 0 ? "—" : (
            <ul key="groups">{identity.adminGroupObjectIds.map((id) => <li key={id}>{detail.adminGroupNames[id.toLowerCase()] ?? "Unknown group"} <span className="text-xs text-slate-500 dark:text-slate-400">({id})</span></li>)}</ul>
          )],
          ["Azure RBAC for Kubernetes", yesNo(identity.azureRbac)],
          ["Kubernetes RBAC", yesNo(identity.kubernetesRbac)],
          ["Local accounts", yesNo(identity.localAccountsDisabled, "Disabled", "Enabled")],
        ]} />
      </Section>

      <Section title="Network">
        <Facts items={[
          ["Plugin", `${network.plugin}${network.pluginMode ? ` (${network.pluginMode})` : ""}`],
          ["Network policy engine", network.policy],
          ["Outbound type", network.outboundType],
          ["Egress IPs", network.egressIps.length === 0 ? "—" : (
            <ul key="egress">{network.egressIps.map((ip) => <li key={ip.publicIpResourceId} className="break-all text-xs">{ip.address ?? ip.publicIpResourceId.split("/").at(-1)} ({ip.source})</li>)}</ul>
          )],
          ["Egress IPs complete", network.egressIpsComplete ? "Yes" : "No — outbound traffic also leaves through something the cluster resource does not describe (e.g. a firewall)"],
        ]} />
      </Section>

      <Section title="Workload identity">
        <Facts items={[
          ["Workload identity", yesNo(workloadIdentity.workloadIdentityEnabled, "Enabled", "Disabled")],
          ["OIDC issuer", workloadIdentity.oidcIssuerEnabled ? (workloadIdentity.oidcIssuerUrl ?? "Enabled") : "Disabled"],
          ["Pod identity (deprecated)", yesNo(podIdentity.podIdentityEnabled, "Enabled", "Disabled")],
          ["Azure Policy add-on", yesNo(cluster.azurePolicyEnabled, "Enabled", "Disabled")],
        ]} />
        {podIdentity.identities.length > 0 ? (
          <table className={`${tableClass} mt-4`}>
            <caption className="mb-1 text-left text-sm font-medium">Pod identity bindings</caption>
            <thead><tr><th scope="col" className={th}>Name</th><th scope="col" className={th}>Namespace</th><th scope="col" className={th}>Selector</th><th scope="col" className={th}>State</th></tr></thead>
            <tbody>{podIdentity.identities.map((binding) => (
              <tr key={`${binding.namespace}/${binding.name}`}><td className={td}>{binding.name}</td><td className={td}>{binding.namespace}</td><td className={td}>{binding.bindingSelector ?? "—"}</td><td className={td}>{binding.provisioningState ?? "—"}</td></tr>
            ))}</tbody>
          </table>
        ) : null}
      </Section>

      <div className="lg:col-span-2">
        <Section title="Node pools">
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <thead><tr>{["Name", "Mode", "OS", "VM size", "Count", "Taints", "Labels"].map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr></thead>
              <tbody>{cluster.nodePools.map((pool) => (
                <tr key={pool.name}>
                  <th scope="row" className={`${td} text-left font-medium`}>{pool.name}</th><td className={td}>{pool.mode}</td><td className={td}>{pool.osType}</td>
                  <td className={td}>{pool.vmSize}</td><td className={`${td} tabular-nums`}>{pool.count}</td><td className={td}>{list(pool.taints)}</td><td className={td}>{labels(pool.labels)}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </Section>
      </div>

      <div className="lg:col-span-2">
        <Section title="Namespaces">
          {cluster.inCluster === null ? (
            <p className="text-sm">{detail.apiServerError ?? "API server not reachable from the portal"}: namespaces could not be read.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <thead><tr><th scope="col" className={th}>Namespace</th><th scope="col" className={th}>Tenant</th><th scope="col" className={th}>Labels</th></tr></thead>
                <tbody>{namespacesVisibleTo(cluster.inCluster.namespaces, detail.namespaceOwners, principal).map((ns) => (
                  <tr key={ns.name}>
                    <th scope="row" className={`${td} text-left font-medium`}>{ns.name}</th>
                    <td className={td}>{detail.namespaceOwners[ns.name]?.tenantName ?? "—"}</td>
                    <td className={`${td} break-all text-xs`}>{labels(ns.labels)}</td>
                  </tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </Section>
      </div>

      <div className="lg:col-span-2"><PostureFindings posture={detail.posture} /></div>
    </div>
  );
}
