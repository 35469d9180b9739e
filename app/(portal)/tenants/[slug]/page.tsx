import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { randomUUID } from "node:crypto";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { authorizePage } from "@/lib/server/auth/current-user";
import { groupDisplayNames } from "@/lib/server/azure/graph";
import { readOffboardingPlan } from "@/lib/server/tenants/offboarding-plan";
import { tenantEnvironmentStatuses } from "@/lib/server/tenants/environment-status";
import { environmentClusterChoices, findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { activeTemplates } from "@/lib/server/tenants/tenant-templates";
import { EnvironmentRequestForm } from "./_components/environment-request-form";
import { EnvironmentTable } from "./_components/environment-table";
import { AdoptNamespaceForm } from "./_components/adopt-namespace-form";
import { ArchiveForm } from "./_components/archive-form";
import { OffboardingForm } from "./_components/offboarding-form";
import { OffboardingPlanView } from "./_components/offboarding-plan";
import { TenantDetailsForm } from "./_components/tenant-details-form";

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

/** The offboarding plan, read from the clusters now (reads only: nothing changes). */
async function Offboarding({ tenantId, tenantSlug }: { tenantId: string; tenantSlug: string }) {
  const read = await readOffboardingPlan(tenantId, randomUUID());
  if (!read.ok) return <p className="text-sm text-red-700 dark:text-red-400">The offboarding plan could not be read from the clusters: {read.error} Try again later.</p>;
  return (
    <>
      <OffboardingPlanView plan={read.plan} />
      <OffboardingForm tenantSlug={tenantSlug} />
    </>
  );
}

/** The owner and member groups with their names from Graph, for the edit form's pickers. */
async function groupChoices(ownerGroupId: string, memberGroupIds: readonly string[]) {
  const names = await groupDisplayNames([ownerGroupId, ...memberGroupIds]).catch(() => ({}) as Record<string, string>);
  const choice = (objectId: string) => ({ objectId, displayName: names[objectId.toLowerCase()] ?? objectId });
  return { owner: choice(ownerGroupId), members: memberGroupIds.map(choice) };
}

export default async function TenantPage({ params }: { params: Params }) {
  const { slug } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) notFound();
  const user = await authorizePage("tenant.view", { kind: "tenant", tenantId: tenant.id });
  // Whether the viewer may ask at all; production is decided per cluster when submitting.
  const mayRequest = can(user.principal, "environment.request", { kind: "tenant-environment", tenantId: tenant.id, cluster: { kind: "cluster", hostedTenantIds: [], production: true } });
  const mayApplyDirectly = can(user.principal, "environment.apply-directly", { kind: "tenant-environment", tenantId: tenant.id, cluster: { kind: "cluster", hostedTenantIds: [], production: false } });
  const archived = tenant.archivedAt !== null;
  const mayManage = !archived && can(user.principal, "tenant.manage", { kind: "tenant", tenantId: tenant.id });
  const mayOffboard = !archived && can(user.principal, "tenant.request-offboarding", { kind: "tenant", tenantId: tenant.id });
  const clusters = (mayRequest && !archived) || mayManage ? await environmentClusterChoices() : [];
  const environmentCount = mayManage ? (await tenantEnvironmentStatuses(tenant.id)).length : 0;
  const groups = mayManage ? await groupChoices(tenant.ownerGroupId, tenant.memberGroupIds) : null;
  const templates = mayRequest && !archived ? (await activeTemplates()).map(({ template }) => ({ name: template.name, label: template.label, description: template.description })) : [];
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
          <Suspense fallback={<p role="status" className="text-sm text-slate-600 dark:text-slate-400">Reading the environments, their quota and drift from the clusters…</p>}>
            <Environments tenantId={tenant.id} tenantSlug={tenant.slug} mayReapply={mayRequest && !archived} />
          </Suspense>
        </section>
        {mayRequest && !archived && templates.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">Every environment template is archived, so no environment can be asked for; a platform admin restores or creates one under Settings → Environment templates.</p> : null}
        {mayRequest && !archived && templates.length > 0 ? <EnvironmentRequestForm tenantSlug={tenant.slug} clusters={clusters} templates={templates} canApplyDirectly={mayApplyDirectly} /> : null}
        {mayManage ? <AdoptNamespaceForm tenantSlug={tenant.slug} clusters={clusters} /> : null}
        {mayManage && groups ? (
          <TenantDetailsForm tenant={{ slug: tenant.slug, displayName: tenant.displayName, owner: groups.owner, members: groups.members, contacts: tenant.contacts.join(", "), costCentre: tenant.costCentre ?? "" }} />
        ) : null}
        {mayOffboard ? (
          <section aria-labelledby="offboard-heading" className="space-y-3">
            <h2 id="offboard-heading" className="text-lg font-semibold">
              Offboard
            </h2>
            {mayManage && environmentCount === 0 ? <ArchiveForm tenantSlug={tenant.slug} /> : null}
            <Suspense fallback={<p role="status" className="text-sm text-slate-600 dark:text-slate-400">Reading what offboarding would remove from the clusters…</p>}>
              <Offboarding tenantId={tenant.id} tenantSlug={tenant.slug} />
            </Suspense>
          </section>
        ) : null}
      </div>
    </>
  );
}
