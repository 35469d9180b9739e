import Link from "next/link";
import type { PortalRole } from "@/lib/auth/policy";

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
    <div className="flex items-center gap-3">
      <div className="text-right text-sm leading-tight">
        <p className="font-medium" data-testid="signed-in-user">
          {displayName}
        </p>
        <p className="text-xs text-slate-300" title={userPrincipalName}>
          {labels.length > 0 ? labels.join(" · ") : "Member"}
        </p>
      </div>
      {/* Not on phones, where the header must stay within 390 px: the request pages link to the settings too. */}
      <Link href="/settings/notifications" className="hidden text-sm text-slate-100 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 sm:inline">
        Notifications
      </Link>
      <form action={signOut}>
        <button
          type="submit"
          className="rounded-md border border-slate-600 px-3 py-1.5 text-sm text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-500"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
