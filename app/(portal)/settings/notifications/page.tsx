import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { can, type Principal } from "@/lib/auth/policy";
import { requireUser } from "@/lib/server/auth/current-user";
import { notificationPreferencesOf } from "@/lib/server/notifications/preferences";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { PreferencesForm } from "./_components/preferences-form";

export const metadata: Metadata = { title: "Notification settings" };

async function Preferences({ objectId, principal }: { objectId: string; principal: Principal }) {
  await slowSection("notification-settings");
  const preferences = await notificationPreferencesOf(objectId);
  return <PreferencesForm initial={preferences} approver={can(principal, "admin.view", { kind: "portal" })} />;
}

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader
        title="Notification settings"
        description={<>E-mail goes to {user.userPrincipalName}. What was sent to you is in your <Link href="/outbox" className="text-sky-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">outbox</Link>.</>}
      />
      <Suspense fallback={<LoadingSection label="Loading your notification settings…" rows={3} />}>
        <Preferences objectId={user.objectId} principal={user.principal} />
      </Suspense>
    </>
  );
}
