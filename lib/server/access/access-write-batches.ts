import "server-only";
import { limiter } from "@/lib/server/clusters/bounded";
import { type ClusterAccessRead, replaceClusterAccess } from "./access-cache-store";

/**
 * Gathers the clusters' access reads of one inventory sync into batches, one short transaction each
 * (up to `maxClusters` clusters, or whatever arrived within `lingerMs`), instead of a transaction per
 * cluster: thousands of clusters with a few rows each were thousands of transactions, two at a time.
 * Each caller's promise settles with its batch, so a failed batch fails (and is recorded by) each of
 * its clusters, and their previous rows stay.
 */
export type AccessWriteBatches = { write(read: ClusterAccessRead): Promise<void> };

export function accessWriteBatches(options: { maxClusters?: number; lingerMs?: number; concurrency?: number } = {}): AccessWriteBatches {
  const maxClusters = options.maxClusters ?? 100;
  const lingerMs = options.lingerMs ?? 50;
  // The process's pool (10) is shared with the pages served beside the sync.
  const writing = limiter(options.concurrency ?? 2);
  let pending: Array<{ read: ClusterAccessRead; settle: (error?: unknown) => void }> = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    void writing(() => replaceClusterAccess(batch.map((item) => item.read))).then(
      () => batch.forEach((item) => item.settle()),
      (error: unknown) => batch.forEach((item) => item.settle(error ?? new Error("The access cache could not be written."))),
    );
  }

  return {
    write(read) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ read, settle: (error) => (error === undefined ? resolve() : reject(error)) });
        if (pending.length >= maxClusters) flush();
        else timer ??= setTimeout(flush, lingerMs);
      });
    },
  };
}
