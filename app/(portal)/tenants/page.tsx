import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can, type Principal } from "@/lib/auth/policy";
import { authorizePage } from "@/lib/server/auth/current-user";
import { listVisibleTenants } from "@/lib/server/tenants/list-tenants";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { TenantCreateForm } from "./_components/tenant-create-form";

export const metadata: Metadata = { title: "Tenants" };

/** The tenants the viewer may see with their environments, streamed below the header. */
async function TenantList({ principal, mayCreate }: { principal: Principal; mayCreate: boolean }) {
  await slowSection("tenant-list");
  const tenants = await listVisibleTenants(principal);
  return (
    <>
      {tenants.length === 0 ? (
        mayCreate ? (
          <EmptyState title="No tenants yet">Nobody is a team lead until a tenant names their group as its owner. Onboard the first tenant below.</EmptyState>
        ) : (
          <EmptyState title="No tenants to show">
            You do not own a tenant. Team-lead rights come from membership in a tenant&apos;s owner group in Entra ID; ask a platform admin if you should have one.
          </EmptyState>
        )
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
                  </Link>{" "}
                  {tenant.archived ? <Badge tone="muted">Archived</Badge> : null}
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {tenant.slug}
                    {tenant.costCentre ? ` · cost centre ${tenant.costCentre}` : ""}
                  </p>
                </Td>
                <Td className="font-mono text-xs">{tenant.ownerGroupId}</Td>
                <Td>
                  {tenant.environments.length === 0 ? <span className="text-sm text-slate-600 dark:text-slate-400">None yet</span> : null}
                  <ul className="space-y-1">
                    {tenant.environments.map((environment) => (
                      <li key={`${environment.subscriptionId}/${environment.clusterName}/${environment.namespace}`}>
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

export default async function TenantsPage() {
  const user = await authorizePage("portal.view", { kind: "portal" });
  const mayCreate = can(user.principal, "tenant.create", { kind: "portal" });
  const mayRequest = mayCreate || can(user.principal, "tenant.request-create", { kind: "portal" });
  const mayManageTemplates = can(user.principal, "template.manage", { kind: "portal" });
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Teams, their owner groups and the namespaces they run in. Members of a tenant's owner group are its team leads. Open a tenant to see its environments, request a new one from a template, or offboard it."
      />
      {mayManageTemplates ? (
        <p className="mb-4 text-sm">
          <Link href="/settings/templates" className="font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
            Environment templates
          </Link>{" "}
          — what each environment gets: quota, defaults, isolation, Pod Security, placement.
        </p>
      ) : null}
      <div className="space-y-8">
        <Suspense fallback={<LoadingSection label="Loading the tenants…" />}>
          <TenantList principal={user.principal} mayCreate={mayCreate} />
        </Suspense>
        {mayRequest ? <TenantCreateForm mode={mayCreate ? "create" : "request"} /> : null}
      </div>
    </>
  );
}
