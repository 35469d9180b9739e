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
      <EmptyState title="No access grants to show">Role assignments will be listed here across clusters and namespaces.</EmptyState>
    </>
  );
}
