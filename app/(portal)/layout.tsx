import { cookies } from "next/headers";
import { type ReactNode, Suspense } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { LocalModeBanner } from "@/components/shell/local-mode-banner";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/server/auth/current-user";
import { isLocalMode } from "@/lib/server/deployment";
import { countAwaitingDecision } from "@/lib/server/requests/queries";
import { signOutAction } from "./_actions/sign-out";
import { AuditChainBanner } from "./_components/audit-chain-banner";
import { parseTheme, themeCookie } from "@/lib/theme";
import shell from "@/components/shell/shell.module.css";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  const user = await requireUser();
  const awaitingDecision = await countAwaitingDecision(user.principal);
  return (
    <>
      <a href="#main" className={shell.skipLink}>
        Skip to content
      </a>
      <AppHeader
        theme={theme}
        requestsBadge={{ count: awaitingDecision, label: awaitingDecision === 1 ? "request awaits your decision" : "requests await your decision" }}
        notice={isLocalMode() ? <LocalModeBanner /> : null}
        user={
          <UserMenu
            displayName={user.displayName}
            userPrincipalName={user.userPrincipalName}
            roles={user.principal.roles}
            ownsTenants={user.principal.ownedTenantIds.length > 0}
            signOut={signOutAction}
          />
        } />
      {/* Streamed: a slow or locked audit log must not hold every page's shell back. */}
      <Suspense fallback={null}>
        <AuditChainBanner principal={user.principal} />
      </Suspense>
      <main id="main" className={shell.main}>
        {children}
      </main>
    </>
  );
}
