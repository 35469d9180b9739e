import { syncProgressText } from "@/lib/clusters/sync-progress-text";
import type { SyncStatus } from "@/lib/server/clusters/inventory-summary";
import styles from "./cluster-table.module.css";
import { RefreshInventoryButton } from "./refresh-inventory-button";
import { SyncProgress } from "./sync-progress";

const time = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

/** Sync state for the list page: progress while a sync runs, failed subscriptions named, and the refresh button. */
export function SyncPanel({ status, canRefresh }: { status: SyncStatus; canRefresh: boolean }) {
  const { active, lastFinished, failedSubscriptions } = status;
  return (
    <section aria-label="Inventory sync" className={styles.sync}>
      <div>
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
        <div role="alert">
          <p>Some subscriptions could not be synced; their clusters are shown as last seen.</p>
          <ul>
            {failedSubscriptions.map((subscription) => (
              <li key={subscription.id}>
                <span>{subscription.displayName ?? subscription.id}</span> ({subscription.id}): {subscription.lastError ?? "unknown error"}
                {" "}— last successful sync {time(subscription.lastSucceededAt)}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
