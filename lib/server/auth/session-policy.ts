import "server-only";
/** How long a session lives. Short idle time because the portal changes production access. */
export const sessionPolicy = {
  idleTimeoutMs: 60 * 60 * 1000,
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
  /** Write lastSeenAt at most this often, so reads do not turn into writes on every request. */
  touchIntervalMs: 60 * 1000,
  signInAttemptTtlMs: 10 * 60 * 1000,
} as const;

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

export function sessionState(session: SessionTimes, now: Date): "active" | "idle-expired" | "expired" | "revoked" {
  if (session.revokedAt) return "revoked";
  if (now >= session.expiresAt) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.idleTimeoutMs) return "idle-expired";
  return "active";
}
