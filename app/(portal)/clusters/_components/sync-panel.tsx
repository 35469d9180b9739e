import { syncProgressText } from "@/lib/clusters/sync-progress-text";
import type { SyncStatus } from "@/lib/server/clusters/inventory-summary";
import { RefreshInventoryButton } from "./refresh-inventory-button";
import { SyncProgress } from "./sync-progress";

const time = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

/** Sync state for the list page: progress while a sync runs, failed subscriptions named, and the refresh button. */
export function SyncPanel({ status, canRefresh }: { status: SyncStatus; canRefresh: boolean }) {
  const { active, lastFinished, failedSubscriptions } = status;
  return (
    <section aria-label="Inventory sync" className="mb-4 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-900">
        <SyncProgress
          active={active !== null}
          message={
            active
              ? syncProgressText(active)
              : `Last synced ${time(lastFinished?.finishedAt ?? null)}${lastFinished && lastFinished.status !== "succeeded" ? ` (${lastFinished.status})` : ""}.`
          }
        />
        {canRefresh ? <RefreshInventoryButton disabled={active !== null} /> : null}
      </div>
      {failedSubscriptions.length > 0 ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">Some subscriptions could not be synced; their clusters are shown as last seen.</p>
          <ul className="mt-1 list-disc pl-5">
            {failedSubscriptions.map((subscription) => (
              <li key={subscription.id}>
                <span className="font-medium">{subscription.displayName ?? subscription.id}</span> ({subscription.id}): {subscription.lastError ?? "unknown error"}
                {" "}— last successful sync {time(subscription.lastSucceededAt)}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
