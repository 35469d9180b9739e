import "server-only";
import { type InventoryEntry, saveInventoryEntries } from "./inventory-store";

/**
 * Collects a subscription's cache rows as its clusters finish and writes them `batchSize` at a time,
 * one statement each, without holding up the clusters still being read. `flush` writes the rest and
 * waits for every write; it throws the first write's failure, if any.
 */
export function cacheWriter(
  batchSize: number,
  save: (batch: InventoryEntry[]) => Promise<void> = saveInventoryEntries,
): { add(entry: InventoryEntry): void; flush(): Promise<void> } {
  let buffer: InventoryEntry[] = [];
  const writes: Array<Promise<void>> = [];
  const failures: unknown[] = [];
  const write = (batch: InventoryEntry[]) => {
    // Caught at once so a failed write never becomes an unhandled rejection before `flush` looks.
    writes.push(save(batch).catch((error: unknown) => void failures.push(error)));
  };
  return {
    add(entry) {
      buffer.push(entry);
      if (buffer.length >= batchSize) {
        write(buffer);
        buffer = [];
      }
    },
    async flush() {
      if (buffer.length > 0) write(buffer);
      buffer = [];
      await Promise.all(writes);
      if (failures.length > 0) throw failures[0];
    },
  };
}
