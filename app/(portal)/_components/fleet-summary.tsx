import Link from "next/link";
import type { Principal } from "@/lib/auth/policy";
import { clusterScopeFor } from "@/lib/server/clusters/inventory-read";
import { type FleetSummary, fleetSummary } from "@/lib/server/clusters/inventory-summary";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";

function Figure({ label, value, href }: { label: string; value: string; href?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm text-slate-600 dark:text-slate-400">
        {href ? <Link href={href} className="underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500">{label}</Link> : label}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Posture at a glance: the whole fleet for admins and auditors, their tenants' clusters for team leads. */
export function FleetSummaryPanel({ title, summary }: { title: string; summary: FleetSummary }) {
  return (
    <section aria-labelledby="fleet-summary" className="mb-8">
      <h2 id="fleet-summary" className="mb-3 text-lg font-semibold">{title}</h2>
      {summary.clusterCount === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No clusters in the inventory yet.</p>
      ) : (
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Figure label="Clusters" value={String(summary.clusterCount)} href="/clusters" />
          <Figure label="Average posture score" value={summary.averageScore === null ? "—" : `${summary.averageScore} / 100`} />
          <Figure label="Clusters with high findings" value={String(summary.clustersWithHighFindings)} href="/clusters?posture=high&sort=findings" />
          <Figure label="Open to the internet" value={String(summary.byExposure.open)} href="/clusters?exposure=open" />
          <Figure label="Failing findings" value={`${summary.failingFindings.high} high · ${summary.failingFindings.medium} med`} href="/clusters?sort=findings" />
        </dl>
      )}
    </section>
  );
}

/** The overview's posture panel, streamed: it aggregates the cached inventory, which the header need not wait for. */
export async function FleetOverview({ principal }: { principal: Principal }) {
  await slowSection("fleet-overview");
  const scope = await clusterScopeFor(principal);
  if (!scope.all && scope.clusterKeys.length === 0) return null;
  return <FleetSummaryPanel title={scope.all ? "Fleet posture" : "Your tenants' clusters"} summary={await fleetSummary(scope)} />;
}
