import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache";

function clock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("createTtlCache", () => {
  it("loads once per key until the entry expires", async () => {
    const time = clock();
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 10, now: time.now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a", load)).toBe(1);
    time.advance(999);
    expect(await cache.get("a", load)).toBe(1);
    expect(await cache.get("b", load)).toBe(2);
    time.advance(1);
    expect(await cache.get("a", load)).toBe(3);
  });

  it("shares one load between concurrent callers", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 10, now: clock().now });
    let loads = 0;
    const load = () => new Promise<string>((resolve) => setTimeout(() => resolve(`load ${++loads}`), 5));
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual(["load 1", "load 1"]);
  });

  it("forgets a failed load so the next caller tries again", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 10, now: clock().now });
    await expect(cache.get("a", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("a", async () => "recovered")).toBe("recovered");
  });

  it("drops the oldest entries beyond its size", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 2, now: clock().now });
    for (const key of ["a", "b", "c"]) await cache.get(key, async () => `first ${key}`);
    expect(await cache.get("a", async () => "reloaded a")).toBe("reloaded a");
    expect(await cache.get("c", async () => "reloaded c")).toBe("first c");
  });
});

describe("createTtlCache with a stale window", () => {
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("serves an expired entry within the window while one background load replaces it", async () => {
    const time = clock();
    const cache = createTtlCache<number>({ ttlMs: 1_000, staleMs: 5_000, maxEntries: 10, now: time.now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a", load)).toBe(1);
    time.advance(1_500);
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual([1, 1]);
    await settled();
    expect(loads).toBe(2);
    expect(await cache.get("a", load)).toBe(2);
  });

  it("waits for a load once the entry is older than the window", async () => {
    const time = clock();
    const cache = createTtlCache<number>({ ttlMs: 1_000, staleMs: 5_000, maxEntries: 10, now: time.now });
    let loads = 0;
    const load = async () => ++loads;
    await cache.get("a", load);
    time.advance(6_000);
    expect(await cache.get("a", load)).toBe(2);
  });

  it("keeps the stale entry when the background load fails, and tries again on the next call", async () => {
    const time = clock();
    const cache = createTtlCache<string>({ ttlMs: 1_000, staleMs: 5_000, maxEntries: 10, now: time.now });
    await cache.get("a", async () => "first");
    time.advance(1_500);
    expect(await cache.get("a", () => Promise.reject(new Error("database down")))).toBe("first");
    await settled();
    expect(await cache.get("a", async () => "second")).toBe("first");
    await settled();
    expect(await cache.get("a", async () => "third")).toBe("second");
  });
});
