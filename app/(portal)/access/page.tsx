import Link from "next/link";
import { authorizePage } from "@/lib/server/auth/current-user";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  await authorizePage("portal.view", { kind: "portal" });
  return (
    <>
      <PageHeader title="Access" description="Role assignments and Kubernetes RBAC bindings." />
      <EmptyState title="Not built yet">
        Granting and revoking namespace access is on each cluster&apos;s <strong>Access</strong> tab (open a cluster from{" "}
        <Link href="/clusters" className="text-sky-700 underline dark:text-sky-400">
          Clusters
        </Link>
        ), listing what Clusterdesk granted there. Not built yet: this cross-cluster view, a view per person, assignments made outside Clusterdesk, and the
        access check; for those, use the Azure portal or <code>az role assignment list --scope</code>.
      </EmptyState>
    </>
  );
}
