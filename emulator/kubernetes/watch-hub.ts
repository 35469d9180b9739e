import type { JsonObject } from "./json";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One change, as etcd's watch reports it: the revision it made and the object after it. */
export type StoreEvent = { type: WatchEventType; revision: number; resourceKey: string; namespace: string; object: JsonObject };

/** How many events a watch can resume from; older resourceVersions get 410 Expired, as after etcd compaction. */
const retained = 1024;

/** The change feed of one cluster's store: a bounded history plus live subscribers. */
export class WatchHub {
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  publish(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > retained) this.history.shift();
    for (const listener of this.listeners) listener(event);
  }

  /** Events after `revision`, or undefined when that revision is older than the history kept. */
  since(revision: number): StoreEvent[] | undefined {
    const oldest = this.history[0];
    if (oldest && revision < oldest.revision - 1) return undefined;
    return this.history.filter((event) => event.revision > revision);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
