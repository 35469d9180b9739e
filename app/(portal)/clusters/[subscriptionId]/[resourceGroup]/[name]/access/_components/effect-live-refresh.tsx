"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a grant waits for the cluster to honour it, re-renders the tab from the server every few
 * seconds so "waiting" turns into "effective" without a reload; the page stops rendering this once
 * no grant waits, which stops the polling.
 */
export function EffectLiveRefresh({ intervalMs = 5000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return <p className="text-xs text-slate-600 dark:text-slate-400">Some grants are not confirmed on the cluster yet; this page updates by itself until they are.</p>;
}
