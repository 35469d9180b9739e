import "server-only";
/** How long a session lives. Short idle time because the portal changes production access. */
export const sessionPolicy = {
  idleTimeoutMs: 60 * 60 * 1000,
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
  /** Write lastSeenAt at most this often, so reads do not turn into writes on every request. */
  touchIntervalMs: 60 * 1000,
  signInAttemptTtlMs: 10 * 60 * 1000,
  /**
   * Group memberships older than the refresh interval (CLUSTERDESK_GROUP_REFRESH_MINUTES) are re-read
   * from Graph. If Graph cannot answer, the last known groups serve for this much longer at most;
   * after that the session is refused (not revoked) until Graph answers again: a removed admin must
   * not keep admin rights through a Graph outage, and an outage must not sign everybody out for good.
   */
  groupRefreshGraceMs: 15 * 60 * 1000,
  /** A refresh claimed by a request that died is taken over after this long. */
  groupRefreshLeaseMs: 15 * 1000,
} as const;

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

export function sessionState(session: SessionTimes, now: Date): "active" | "idle-expired" | "expired" | "revoked" {
  if (session.revokedAt) return "revoked";
  if (now >= session.expiresAt) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.idleTimeoutMs) return "idle-expired";
  return "active";
}

/** Whether a session's groups may be used as they are, should be re-read, or must be re-read first. */
export function groupsFreshness(checkedAt: Date, now: Date, refreshIntervalMs: number): "fresh" | "due" | "expired" {
  const age = now.getTime() - checkedAt.getTime();
  if (age < refreshIntervalMs) return "fresh";
  return age < refreshIntervalMs + sessionPolicy.groupRefreshGraceMs ? "due" : "expired";
}
