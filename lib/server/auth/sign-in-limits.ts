import "server-only";
import type { TokenBucketPolicy } from "@/lib/rate-limit/token-bucket";

/**
 * Bounds on what anonymous callers can make the portal store. `/auth/login` and `/auth/callback` are
 * reachable without a session, so each is rate-limited per client and per instance (the per-instance
 * ceiling bounds the total when an attacker rotates addresses, at the price of slowing everyone's
 * sign-in during such an attack). The per-client numbers leave room for an office behind one address
 * signing in at nine o'clock: a sign-in costs one login and one callback.
 */
export const signInLimits = {
  perClient: { capacity: 30, refillPerSecond: 0.5, maxClients: 10_000 } satisfies TokenBucketPolicy,
  perInstance: { capacity: 600, refillPerSecond: 10, maxClients: 1 } satisfies TokenBucketPolicy,
  /** Beyond this, a client's oldest pending attempts are dropped (at 30/min it takes minutes to reach). */
  liveAttemptsPerClient: 100,
  /** Attempt-less callbacks are counted per window and summarised in one audit event per window. */
  rejectionWindowMs: 60_000,
  /** Clients named in a window's summary event, most frequent first. */
  summarisedClients: 20,
  /** Ended sessions (expired, idle or revoked) are deleted after this, long enough to review an incident. */
  endedSessionRetentionMs: 7 * 24 * 60 * 60 * 1000,
} as const;
