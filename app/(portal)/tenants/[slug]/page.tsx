import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { authorizePage } from "@/lib/server/auth/current-user";
import { tenantEnvironmentStatuses } from "@/lib/server/tenants/environment-status";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { EnvironmentTable } from "./_components/environment-table";
import { TenantForms } from "./_components/tenant-forms";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Tenant ${slug}` };
}

async function Environments({ tenantId, tenantSlug, mayReapply }: { tenantId: string; tenantSlug: string; mayReapply: boolean }) {
  const environments = await tenantEnvironmentStatuses(tenantId);
  if (environments.length === 0) {
    return <EmptyState title="No environments yet">Request the first one below; it appears here once asked for, with its state and quota.</EmptyState>;
  }
  return <EnvironmentTable environments={environments} tenantSlug={tenantSlug} mayReapply={mayReapply} />;
}

export default async function TenantPage({ params }: { params: Params }) {
  const { slug } = await params;
  // Looked up and authorized before any boundary: a 404 or 403 is the response's status.
  const tenant = await findTenantBySlug(slug);
  if (!tenant) notFound();
  const user = await authorizePage("tenant.view", { kind: "tenant", tenantId: tenant.id });
  const archived = tenant.archivedAt !== null;
  const rights = {
    // Whether the viewer may ask at all; production is decided per cluster when submitting.
    mayRequest: can(user.principal, "environment.request", { kind: "tenant-environment", tenantId: tenant.id, cluster: { kind: "cluster", hostedTenantIds: [], production: true } }),
    mayApplyDirectly: can(user.principal, "environment.apply-directly", { kind: "tenant-environment", tenantId: tenant.id, cluster: { kind: "cluster", hostedTenantIds: [], production: false } }),
    mayManage: !archived && can(user.principal, "tenant.manage", { kind: "tenant", tenantId: tenant.id }),
    mayOffboard: !archived && can(user.principal, "tenant.request-offboarding", { kind: "tenant", tenantId: tenant.id }),
  };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tenants" className="text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
          ← All tenants
        </Link>
      </p>
      <PageHeader title={tenant.displayName} description={`Tenant ${tenant.slug}. Owner group ${tenant.ownerGroupId}; its members are the tenant's team leads.`} />
      {archived ? (
        <p className="mb-4 text-sm">
          <Badge tone="muted">Archived</Badge> This tenant was offboarded or archived; its record and audit history stay, and it gives nobody rights.
        </p>
      ) : null}
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        Contacts: {tenant.contacts.length > 0 ? tenant.contacts.join(", ") : "none recorded"} · Cost centre: {tenant.costCentre ?? "none recorded"}
      </p>
      <div className="space-y-8">
        <section aria-labelledby="environments-heading" className="space-y-3">
          <h2 id="environments-heading" className="text-lg font-semibold">
            Environments
          </h2>
          <Suspense fallback={<LoadingSection label="Reading the environments, their quota and drift from the clusters…" rows={2} showLabel />}>
            <Environments tenantId={tenant.id} tenantSlug={tenant.slug} mayReapply={rights.mayRequest && !archived} />
          </Suspense>
        </section>
        <Suspense fallback={<LoadingSection label="Loading the tenant's forms…" />}>
          <TenantForms tenant={tenant} rights={rights} />
        </Suspense>
      </div>
    </>
  );
}
