import { randomUUID } from "node:crypto";
import { Suspense } from "react";
import { LoadingSection } from "@/components/ui/loading-section";
import { groupDisplayNames } from "@/lib/server/azure/graph";
import { readOffboardingPlan } from "@/lib/server/tenants/offboarding-plan";
import { tenantEnvironmentStatuses } from "@/lib/server/tenants/environment-status";
import { environmentClusterChoices, type TenantRecord } from "@/lib/server/tenants/find-tenant";
import { activeTemplates } from "@/lib/server/tenants/tenant-templates";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { AdoptNamespaceForm } from "./adopt-namespace-form";
import { ArchiveForm } from "./archive-form";
import { EnvironmentRequestForm } from "./environment-request-form";
import { OffboardingForm } from "./offboarding-form";
import { OffboardingPlanView } from "./offboarding-plan";
import { TenantDetailsForm } from "./tenant-details-form";

/** What the viewer may do here, decided by the page before its boundaries. */
export type TenantRights = { mayRequest: boolean; mayApplyDirectly: boolean; mayManage: boolean; mayOffboard: boolean };

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

/**
 * The tenant page's forms, streamed: they need the clusters, the active templates and the groups'
 * names from Graph, none of which the page waits for before answering 403 or 404.
 */
export async function TenantForms({ tenant, rights }: { tenant: TenantRecord; rights: TenantRights }) {
  await slowSection("tenant-forms");
  const { mayRequest, mayApplyDirectly, mayManage, mayOffboard } = rights;
  const archived = tenant.archivedAt !== null;
  const [clusters, environmentCount, groups, templates] = await Promise.all([
    (mayRequest && !archived) || mayManage ? environmentClusterChoices() : [],
    mayManage ? tenantEnvironmentStatuses(tenant.id).then((environments) => environments.length) : 0,
    mayManage ? groupChoices(tenant.ownerGroupId, tenant.memberGroupIds) : null,
    mayRequest && !archived ? activeTemplates().then((active) => active.map(({ template }) => ({ name: template.name, label: template.label, description: template.description }))) : [],
  ]);
  return (
    <>
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
          <Suspense fallback={<LoadingSection label="Reading what offboarding would remove from the clusters…" rows={2} showLabel />}>
            <Offboarding tenantId={tenant.id} tenantSlug={tenant.slug} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}
