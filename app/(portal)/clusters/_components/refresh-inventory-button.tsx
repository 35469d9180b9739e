"use client";

import { useActionState } from "react";
import styles from "./cluster-table.module.css";
import { refreshInventoryAction, type RefreshInventoryResult } from "../_actions/refresh-inventory";

export function RefreshInventoryButton({ disabled }: { disabled: boolean }) {
  const [result, refresh, pending] = useActionState<RefreshInventoryResult | null>(() => refreshInventoryAction(), null);
  return (
    <form action={refresh} className={styles.refresh}>
      {result && !result.ok ? <p role="alert">{result.error}</p> : null}
      <button type="submit" disabled={disabled || pending}>
        {pending ? "Queuing…" : "Refresh inventory"}
      </button>
    </form>
  );
}
