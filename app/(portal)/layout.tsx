import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { LocalModeBanner } from "@/components/shell/local-mode-banner";
import { isLocalMode } from "@/lib/server/deployment";
import { parseTheme, themeCookie } from "@/lib/theme";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <AppHeader
        theme={theme}
        notice={isLocalMode() ? <LocalModeBanner /> : null}
        user={<span className="text-sm text-slate-300">Not signed in</span>} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
