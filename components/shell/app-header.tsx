import Link from "next/link";
import type { ReactNode } from "react";
import type { Theme } from "@/lib/theme";
import { type NavBadge, NavLinks } from "./nav-links";
import { ThemeSwitcher } from "./theme-switcher";

export function AppHeader({ theme, user, notice, requestsBadge }: { theme: Theme; user: ReactNode; notice?: ReactNode; requestsBadge?: NavBadge }) {
  return (
    <header className="bg-slate-900 text-white">
      {notice}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-sky-500">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded bg-sky-600 text-sm font-bold">
            C
          </span>
          Clusterdesk
        </Link>
        <nav aria-label="Main" className="flex-1">
          <NavLinks badges={requestsBadge ? { "/requests": requestsBadge } : {}} />
        </nav>
        <div className="flex items-center gap-4">
          <ThemeSwitcher initial={theme} />
          {user}
        </div>
      </div>
    </header>
  );
}
