import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { authorizePage } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { type AppliedEnvironment, appliedEnvironment, appliedEnvironmentLive } from "@/lib/server/tenants/reapply-environment";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { DriftDetails } from "../_components/drift-details";
import { ReapplyForm } from "./_components/reapply-form";

export const metadata: Metadata = { title: "Re-apply an environment" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cluster?: string; namespace?: string }> };

async function Drift({ tenantId, environment }: { tenantId: string; environment: AppliedEnvironment }) {
  await slowSection("tenant-reapply");
  const { drift } = await appliedEnvironmentLive(tenantId, environment);
  return <DriftDetails drift={drift} />;
}

/** One applied environment's drift, read now, and the form that asks to re-apply it. */
export default async function ReapplyPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { cluster = "", namespace = "" } = await searchParams;
  const tenant = await findTenantBySlug(slug);
  const environment = tenant ? await appliedEnvironment(tenant.id, cluster, namespace) : null;
  if (!tenant || !environment) notFound();
  await authorizePage("environment.request", { kind: "tenant-environment", tenantId: tenant.id, cluster: await clusterResource(environment.clusterResourceId) });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/tenants/${tenant.slug}`} className="text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
          ← {tenant.displayName}
        </Link>
      </p>
      <PageHeader
        title={`Re-apply ${environment.namespace}`}
        description={`Brings the environment back to the ${environment.template} template as it is now: objects changed or deleted outside Clusterdesk are put back, and template changes since the last apply arrive. The plan is computed when you ask; a platform admin approves it.`}
      />
      <div className="space-y-6">
        <section aria-labelledby="drift-heading" className="space-y-2">
          <h2 id="drift-heading" className="text-lg font-semibold">
            Drift on the cluster
          </h2>
          <Suspense fallback={<LoadingSection label="Comparing the environment with the cluster…" rows={2} showLabel />}>
            <Drift tenantId={tenant.id} environment={environment} />
          </Suspense>
        </section>
        {tenant.archivedAt ? null : <ReapplyForm tenantSlug={tenant.slug} clusterId={environment.clusterResourceId} namespace={environment.namespace} />}
      </div>
    </>
  );
}
