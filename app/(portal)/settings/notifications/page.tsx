import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/server/auth/current-user";
import { notificationPreferencesOf } from "@/lib/server/notifications/preferences";
import { PreferencesForm } from "./_components/preferences-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const preferences = await notificationPreferencesOf(user.objectId);
  return (
    <>
      <PageHeader
        title="Notification settings"
        description={<>E-mail goes to {user.userPrincipalName}. What was sent to you is in your <Link href="/outbox" className="text-sky-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">outbox</Link>.</>}
      />
      <PreferencesForm initial={preferences} approver={can(user.principal, "admin.view", { kind: "portal" })} />
    </>
  );
}
