import "server-only";
import { db } from "@/lib/server/db/client";
import { signInLimits } from "./sign-in-limits";
import { sessionPolicy } from "./session-policy";

/**
 * Deletes sign-in attempts past their expiry and sessions that ended (expired, idle too long, or
 * revoked) longer ago than the retention period. A session row is useless once ended; it is kept a
 * while only so an incident review can still match its id (named in audit events) to an address.
 */
export async function purgeExpiredSignInState(now = new Date()): Promise<{ attempts: number; sessions: number }> {
  const endedBefore = new Date(now.getTime() - signInLimits.endedSessionRetentionMs);
  const attempts = await db().signInAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
  const sessions = await db().session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: endedBefore } },
        { revokedAt: { lt: endedBefore } },
        { lastSeenAt: { lt: new Date(endedBefore.getTime() - sessionPolicy.idleTimeoutMs) } },
      ],
    },
  });
  return { attempts: attempts.count, sessions: sessions.count };
}
