"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { portalSections } from "./portal-sections";
import nav from "./nav.module.css";

/** A count shown beside a section's link, e.g. requests awaiting the admin's decision. */
export type NavBadge = { count: number; label: string };

export function NavLinks({ badges = {} }: { badges?: Partial<Record<(typeof portalSections)[number]["href"], NavBadge>> }) {
  const pathname = usePathname();
  return (
    <ul className={nav.navLinks}>
      {portalSections.map((section) => {
        const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
        const badge = badges[section.href];
        return (
          <li key={section.href}>
            <Link href={section.href} aria-current={current ? "page" : undefined}>
              {section.label}
              {badge && badge.count > 0 ? (
                <span className={nav.navBadge}>
                  {badge.count}
                  <span className="sr-only"> {badge.label}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
