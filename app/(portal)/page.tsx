import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { authorizePage } from "@/lib/server/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";
import { Suspense } from "react";
import { LoadingSection } from "@/components/ui/loading-section";
import { FleetOverview } from "./_components/fleet-summary";
import { portalSections } from "@/components/shell/portal-sections";

const summaries: Record<(typeof portalSections)[number]["href"], string> = {
  "/clusters": "Every AKS cluster of your subscriptions, its node pools, API-server exposure and security posture.",
  "/requests": "IP ranges, access grants and tenants that team leads asked for, and their approvals.",
  "/tenants": "Teams, their owner groups and the namespaces they run in.",
  "/access": "Who may do what, on which cluster and namespace.",
  "/audit": "The tamper-evident history of every sign-in, request, decision and change.",
};

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await authorizePage("portal.view", { kind: "portal" });
  // A team lead's audit log is their tenants' history, not the whole installation's.
  const readsWholeLog = can(user.principal, "audit.verify", { kind: "audit" });
  const summaryOf = (href: keyof typeof summaries) =>
    href === "/audit" && !readsWholeLog ? "The history of your tenants: their requests, the decisions on them and the changes made." : summaries[href];
  return (
    <>
      <PageHeader title="Overview" description="Your AKS fleet at a glance." />
      <Suspense fallback={<LoadingSection label="Loading the fleet's posture…" rows={2} />}>
        <FleetOverview principal={user.principal} />
      </Suspense>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {portalSections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-sky-500 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-800 dark:bg-slate-900"
            >
              <h2 className="font-semibold">{section.label}</h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{summaryOf(section.href)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
