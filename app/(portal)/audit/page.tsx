import { authorizePage } from "@/lib/server/auth/current-user";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await authorizePage("audit.view", { kind: "audit" });
  return (
    <>
      <PageHeader title="Audit" description="Every sign-in, request, decision and change." />
      <EmptyState title="No audit events">Nothing has been recorded yet.</EmptyState>
    </>
  );
}
