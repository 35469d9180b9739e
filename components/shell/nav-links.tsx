"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { portalSections } from "./portal-sections";


/** A count shown beside a section's link, e.g. requests awaiting the admin's decision. */
export type NavBadge = { count: number; label: string };

export function NavLinks({ badges = {} }: { badges?: Partial<Record<(typeof portalSections)[number]["href"], NavBadge>> }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {portalSections.map((section) => {
        const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
        const badge = badges[section.href];
        return (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
                current
                  ? "bg-slate-800 text-white dark:bg-slate-100 dark:text-slate-900"
                  : "text-slate-200 hover:bg-slate-800 hover:text-white"
              }`}
            >
              {section.label}
              {badge && badge.count > 0 ? (
                <span className="ml-2 rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-900">
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
