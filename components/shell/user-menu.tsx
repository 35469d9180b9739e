import Link from "next/link";
import type { PortalRole } from "@/lib/auth/policy";
import shell from "./shell.module.css";

const roleLabels: Record<PortalRole, string> = { admin: "Platform admin", auditor: "Auditor" };

export function UserMenu({
  displayName,
  userPrincipalName,
  roles,
  ownsTenants,
  signOut,
}: {
  displayName: string;
  userPrincipalName: string;
  roles: readonly PortalRole[];
  ownsTenants: boolean;
  signOut: () => Promise<void>;
}) {
  const labels = [...roles.map((role) => roleLabels[role]), ...(ownsTenants ? ["Team lead"] : [])];
  return (
    <div className={shell.user}>
      <div>
        <p data-testid="signed-in-user">
          {displayName}
        </p>
        <p title={userPrincipalName}>
          {labels.length > 0 ? labels.join(" · ") : "Member"}
        </p>
      </div>
      {/* Not on phones, where the header must stay within 390 px: the request pages link to the settings too. */}
      <Link href="/settings/notifications" className={shell.notifications}>
        Notifications
      </Link>
      <form action={signOut}>
        <button type="submit" className={shell.signOut}>
          Sign out
        </button>
      </form>
    </div>
  );
}
