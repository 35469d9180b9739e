import { authorizePage } from "@/lib/server/auth/current-user";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage() {
  await authorizePage("portal.view", { kind: "portal" });
  return (
    <>
      <PageHeader title="Tenants" description="Teams, their owner groups and their namespaces." />
      <EmptyState title="No tenants">No tenant has been onboarded yet.</EmptyState>
    </>
  );
}
