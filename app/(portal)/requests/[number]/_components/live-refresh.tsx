"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page from the server every `intervalMs` while the change is in flight, so the
 * status and the executor's progress update without a reload. The page stops rendering this
 * component once the request settles, which stops the polling.
 */
export function LiveRefresh({ intervalMs = 2000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return <p className="text-xs text-slate-600 dark:text-slate-400">This page updates by itself while the change is applied.</p>;
}
