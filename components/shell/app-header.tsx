import Link from "next/link";
import type { ReactNode } from "react";
import type { Theme } from "@/lib/theme";
import { type NavBadge, NavLinks } from "./nav-links";
import { ThemeSwitcher } from "./theme-switcher";
import shell from "./shell.module.css";

export function AppHeader({ theme, user, notice, requestsBadge }: { theme: Theme; user: ReactNode; notice?: ReactNode; requestsBadge?: NavBadge }) {
  return (
    <header className="bg-slate-900 text-white">
      {notice}
      <div className={shell.bar}>
        <Link href="/" className={shell.brand}>
          <span aria-hidden="true" className={shell.brandMark}>
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
