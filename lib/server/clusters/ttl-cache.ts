/**
 * A small per-process cache of promises that expire after `ttlMs`: concurrent requests for the same
 * key share one load, a failed load is forgotten at once, and the oldest entries go first beyond
 * `maxEntries`. With `staleMs`, an entry past its TTL is still served for that much longer while one
 * load in the background replaces it (a failed background load keeps it, and the next caller tries
 * again): a request then waits for a load only when the key is new or idle for longer. Pure apart from
 * the clock, which tests inject.
 */
export type TtlCache<T> = { get(key: string, load: () => Promise<T>): Promise<T> };

type Entry<T> = { storedAt: number; value: Promise<T>; refreshing: boolean };

export function createTtlCache<T>(options: { ttlMs: number; maxEntries: number; staleMs?: number; now?: () => number }): TtlCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  function store(key: string, value: Promise<T>): void {
    entries.delete(key);
    entries.set(key, { storedAt: now(), value, refreshing: false });
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
  }
  return {
    get(key, load) {
      const entry = entries.get(key);
      const age = entry ? now() - entry.storedAt : Number.POSITIVE_INFINITY;
      if (entry && age < options.ttlMs) return entry.value;
      if (entry && age < options.ttlMs + (options.staleMs ?? 0)) {
        if (!entry.refreshing) {
          entry.refreshing = true;
          load().then(
            (fresh) => entries.get(key) === entry && store(key, Promise.resolve(fresh)),
            () => (entry.refreshing = false),
          );
        }
        return entry.value;
      }
      const value = load();
      store(key, value);
      return value;
    },
  };
}
