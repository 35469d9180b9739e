import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { authorizePage } from "@/lib/server/auth/current-user";
import { listVisibleTenants } from "@/lib/server/tenants/list-tenants";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage() {
  const user = await authorizePage("portal.view", { kind: "portal" });
  const tenants = await listVisibleTenants(user.principal);
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Teams, their owner groups and the namespaces they run in. Members of a tenant's owner group are its team leads. Open a tenant to see its environments and request a new one from a template; creating tenants themselves comes with a later release (the demo organisation's tenants are seeded)."
      />
      {tenants.length === 0 ? (
        <EmptyState title="No tenants to show">
          You do not own a tenant. Team-lead rights come from membership in a tenant&apos;s owner group in Entra ID; ask a platform admin if you should have one.
        </EmptyState>
      ) : (
        <Table caption="Tenants">
          <thead>
            <tr>
              <Th>Tenant</Th>
              <Th>Owner group (object id)</Th>
              <Th>Namespaces</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {tenants.map((tenant) => (
              <tr key={tenant.id}>
                <Td>
                  <Link href={`/tenants/${tenant.slug}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                    {tenant.displayName}
                  </Link>
                  <p className="text-xs text-slate-600 dark:text-slate-400">{tenant.slug}</p>
                </Td>
                <Td className="font-mono text-xs">{tenant.ownerGroupId}</Td>
                <Td>
                  <ul className="space-y-1">
                    {tenant.environments.map((environment) => (
                      <li key={environment.name}>
                        <span className="font-mono text-xs">{environment.namespace}</span> on{" "}
                        <Link href={`/clusters/${environment.subscriptionId}/${environment.resourceGroup}/${environment.clusterName}`} className="text-sky-700 hover:underline dark:text-sky-400">
                          {environment.clusterName}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
