"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import styles from "./cluster-table.module.css";

/** Announces sync progress and, while a sync runs, re-renders the page from the cache every 2 s. */
export function SyncProgress({ active, message }: { active: boolean; message: string }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return (
    <p aria-live="polite" data-testid="sync-status" className={styles.syncStatus}>
      {active ? <span aria-hidden /> : null}
      {message}
    </p>
  );
}
