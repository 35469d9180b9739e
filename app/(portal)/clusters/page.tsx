import { authorizePage } from "@/lib/server/auth/current-user";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  await authorizePage("portal.view", { kind: "portal" });
  return (
    <>
      <PageHeader title="Clusters" description="AKS clusters across your subscriptions." />
      <EmptyState title="No clusters yet">The inventory has not been synchronised with Azure yet. Once it is, every cluster of the configured subscriptions appears here with its security posture.</EmptyState>
    </>
  );
}
