import Link from "next/link";
import type { ReactNode } from "react";
import type { Theme } from "@/lib/theme";
import { type NavBadge, NavLinks } from "./nav-links";
import { ThemeSwitcher } from "./theme-switcher";
import shell from "./shell.module.css";

export function AppHeader({ theme, user, notice, requestsBadge }: { theme: Theme; user: ReactNode; notice?: ReactNode; requestsBadge?: NavBadge }) {
  return (
    <header className={shell.header}>
      {notice}
      <div className={shell.bar}>
        <Link href="/" className={shell.brand}>
          <span aria-hidden="true" className={shell.brandMark}>
            C
          </span>
          Clusterdesk
        </Link>
        <nav aria-label="Main">
          <NavLinks {...(requestsBadge && requestsBadge.count > 0 ? { badges: { "/requests": requestsBadge } } : {})} />
        </nav>
        <div className={shell.tools}>
          <ThemeSwitcher initial={theme} />
          {user}
        </div>
      </div>
    </header>
  );
}
