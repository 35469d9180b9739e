"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Announces sync progress and, while a sync runs, re-renders the page from the cache every 2 s. */
export function SyncProgress({ active, message }: { active: boolean; message: string }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return (
    <p aria-live="polite" data-testid="sync-status" className="flex items-center gap-2 text-slate-700 dark:text-slate-300">
      {active ? <span aria-hidden className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-sky-600 border-t-transparent" /> : null}
      {message}
    </p>
  );
}
