import { describe, expect, it } from "vitest";
import { signInLimits } from "./sign-in-limits";
import { createSignInLimiter, tooManySignInRequests } from "./sign-in-rate-limit";

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("sign-in rate limit", () => {
  it("refuses a client's login burst beyond its capacity, per endpoint, and admits it again later", () => {
    const time = clock();
    const limiter = createSignInLimiter(time.now);
    const burst = Array.from({ length: signInLimits.perClient.capacity }, () => limiter.admit("login", "198.51.100.7").allowed);
    expect(burst.every(Boolean)).toBe(true);
    expect(limiter.admit("login", "198.51.100.7")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // Other clients and the other endpoint are unaffected.
    expect(limiter.admit("login", "198.51.100.8").allowed).toBe(true);
    expect(limiter.admit("callback", "198.51.100.7").allowed).toBe(true);
    time.advance(2000);
    expect(limiter.admit("login", "198.51.100.7").allowed).toBe(true);
  });

  it("treats a whole IPv6 /64 as one client", () => {
    const limiter = createSignInLimiter(clock().now);
    const admitted = Array.from({ length: signInLimits.perClient.capacity + 5 }, (_, index) => limiter.admit("callback", `2001:db8:0:1::${index.toString(16)}`));
    expect(admitted.filter((result) => result.allowed)).toHaveLength(signInLimits.perClient.capacity);
  });

  it("caps one instance's total even when every request comes from another address", () => {
    const limiter = createSignInLimiter(clock().now);
    const admitted = Array.from({ length: signInLimits.perInstance.capacity + 10 }, (_, index) => limiter.admit("login", `10.0.${index >> 8}.${index & 255}`));
    expect(admitted.filter((result) => result.allowed)).toHaveLength(signInLimits.perInstance.capacity);
  });

  it("answers 429 with Retry-After and a page a person can read", async () => {
    const response = tooManySignInRequests(7);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain("<h1>Too many sign-in attempts</h1>");
    expect(page).toContain("wait 7 seconds");
  });
});
