"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { portalSections } from "./portal-sections";


export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {portalSections.map((section) => {
        const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
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
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
