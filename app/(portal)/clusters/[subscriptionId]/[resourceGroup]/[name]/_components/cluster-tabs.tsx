"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Tabs of a cluster's pages. Shared by every page under the cluster's route (the IP ranges page adds its own content). */
export function ClusterTabs({ basePath }: { basePath: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: basePath, label: "Overview", current: pathname === basePath },
    { href: `${basePath}/ip-ranges`, label: "IP ranges", current: pathname.startsWith(`${basePath}/ip-ranges`) },
    { href: `${basePath}/access`, label: "Access", current: pathname.startsWith(`${basePath}/access`) },
  ];
  return (
    <nav aria-label="Cluster sections" className="mb-6 border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
                tab.current ? "border-sky-600 text-sky-800 dark:text-sky-300" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
