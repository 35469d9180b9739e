import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Requests" };

export default function RequestsPage() {
  return (
    <>
      <PageHeader title="Requests" description="Changes asked for by team leads and their approvals." />
      <EmptyState title="No requests">Nobody has asked for an IP range, an access grant or a tenant yet.</EmptyState>
    </>
  );
}
