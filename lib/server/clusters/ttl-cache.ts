/**
 * A small per-process cache of promises that expire after `ttlMs`: concurrent requests for the same
 * key share one load, a failed load is forgotten at once, and the oldest entries go first beyond
 * `maxEntries`. Pure apart from the clock, which tests inject.
 */
export type TtlCache<T> = { get(key: string, load: () => Promise<T>): Promise<T> };

export function createTtlCache<T>(options: { ttlMs: number; maxEntries: number; now?: () => number }): TtlCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { storedAt: number; value: Promise<T> }>();
  return {
    get(key, load) {
      const entry = entries.get(key);
      if (entry && now() - entry.storedAt < options.ttlMs) return entry.value;
      entries.delete(key);
      const value = load();
      entries.set(key, { storedAt: now(), value });
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      // Maps iterate in insertion order: the first keys are the oldest.
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries) break;
        entries.delete(oldest);
      }
      return value;
    },
  };
}
