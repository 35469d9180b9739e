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
        Listing role assignments across clusters and namespaces, granting access and the access check come with the access feature. Until then, use the Azure portal or <code>az role assignment list --scope</code>.
      </EmptyState>
    </>
  );
}
