"use client";

import { useActionState } from "react";
import { refreshInventoryAction, type RefreshInventoryResult } from "../_actions/refresh-inventory";

export function RefreshInventoryButton({ disabled }: { disabled: boolean }) {
  const [result, refresh, pending] = useActionState<RefreshInventoryResult | null>(() => refreshInventoryAction(), null);
  return (
    <form action={refresh} className="flex items-center gap-3">
      {result && !result.ok ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{result.error}</p> : null}
      <button
        type="submit"
        disabled={disabled || pending}
        className="inline-flex items-center rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? "Queuing…" : "Refresh inventory"}
      </button>
    </form>
  );
}
