import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

function clock(startMs = 0) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("TokenBuckets", () => {
  it("allows a burst of `capacity`, then refuses with the seconds until the next token", () => {
    const time = clock();
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5, maxClients: 10 }, time.now);
    expect([1, 2, 3].map(() => buckets.take("a").allowed)).toEqual([true, true, true]);
    expect(buckets.take("a")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    time.advance(1000);
    expect(buckets.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1000);
    expect(buckets.take("a")).toEqual({ allowed: true });
  });

  it("keeps clients apart", () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 1, maxClients: 10 }, clock().now);
    expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.take("a").allowed).toBe(false);
    expect(buckets.take("b").allowed).toBe(true);
  });

  it("refills no further than the capacity", () => {
    const time = clock();
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1, maxClients: 10 }, time.now);
    buckets.take("a");
    time.advance(3_600_000);
    expect([1, 2, 3].map(() => buckets.take("a").allowed)).toEqual([true, true, false]);
  });

  it("remembers at most maxClients, forgetting the least recently seen", () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001, maxClients: 2 }, clock().now);
    buckets.take("a");
    buckets.take("b");
    buckets.take("a");
    buckets.take("c");
    expect(buckets.size).toBe(2);
    // "b" was forgotten and starts full again; "a" is still empty.
    expect(buckets.take("a").allowed).toBe(false);
  });

  it("never allows more than capacity + elapsed × rate requests", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 200 }),
        (capacity, refillPerSecond, gaps) => {
          const time = clock();
          const buckets = new TokenBuckets({ capacity, refillPerSecond, maxClients: 5 }, time.now);
          let allowed = 0;
          for (const gap of gaps) {
            time.advance(gap);
            if (buckets.take("client").allowed) allowed += 1;
          }
          expect(allowed).toBeLessThanOrEqual(capacity + (time.now() / 1000) * refillPerSecond + 1e-9);
        },
      ),
    );
  });
});
