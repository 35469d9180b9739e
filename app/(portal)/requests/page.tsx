import { authorizePage } from "@/lib/server/auth/current-user";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  await authorizePage("portal.view", { kind: "portal" });
  return (
    <>
      <PageHeader title="Requests" description="Changes asked for by team leads and their approvals." />
      <EmptyState title="No requests">Nobody has asked for an IP range, an access grant or a tenant yet.</EmptyState>
    </>
  );
}
