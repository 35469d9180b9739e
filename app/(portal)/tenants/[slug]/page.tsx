import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { environmentTemplates, templateNames } from "@/lib/tenants/templates";
import { authorizePage } from "@/lib/server/auth/current-user";
import { tenantEnvironmentStatuses } from "@/lib/server/tenants/environment-status";
import { environmentClusterChoices, findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { EnvironmentRequestForm } from "./_components/environment-request-form";
import { EnvironmentTable } from "./_components/environment-table";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Tenant ${slug}` };
}

async function Environments({ tenantId }: { tenantId: string }) {
  const environments = await tenantEnvironmentStatuses(tenantId);
  if (environments.length === 0) {
    return <EmptyState title="No environments yet">Request the first one below; it appears here once asked for, with its state and quota.</EmptyState>;
  }
  return <EnvironmentTable environments={environments} />;
}

export default async function TenantPage({ params }: { params: Params }) {
  const { slug } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) notFound();
  const user = await authorizePage("tenant.view", { kind: "tenant", tenantId: tenant.id });
  // Whether the viewer may ask at all; production is decided per cluster when submitting.
  const mayRequest = can(user.principal, "environment.request", { kind: "tenant-environment", tenantId: tenant.id, cluster: { kind: "cluster", hostedTenantIds: [], production: true } });
  const mayApplyDirectly = can(user.principal, "environment.apply-directly", { kind: "tenant-environment", tenantId: tenant.id, cluster: { kind: "cluster", hostedTenantIds: [], production: false } });
  const clusters = mayRequest ? await environmentClusterChoices() : [];
  const templates = templateNames.map((name) => ({ name, label: environmentTemplates[name].label, description: environmentTemplates[name].description }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tenants" className="text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
          ← All tenants
        </Link>
      </p>
      <PageHeader title={tenant.displayName} description={`Tenant ${tenant.slug}. Owner group ${tenant.ownerGroupId}; its members are the tenant's team leads.`} />
      <div className="space-y-8">
        <section aria-labelledby="environments-heading" className="space-y-3">
          <h2 id="environments-heading" className="text-lg font-semibold">
            Environments
          </h2>
          <Suspense fallback={<p role="status" className="text-sm text-slate-600 dark:text-slate-400">Reading the environments and their quota from the clusters…</p>}>
            <Environments tenantId={tenant.id} />
          </Suspense>
        </section>
        {mayRequest ? <EnvironmentRequestForm tenantSlug={tenant.slug} clusters={clusters} templates={templates} canApplyDirectly={mayApplyDirectly} /> : null}
      </div>
    </>
  );
}
