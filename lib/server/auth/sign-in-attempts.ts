import "server-only";
import { db } from "@/lib/server/db/client";
import { signInLimits } from "./sign-in-limits";
import { sessionPolicy } from "./session-policy";

export type NewSignInAttempt = { id: string; state: string; nonce: string; codeVerifier: string; returnTo: string };

/**
 * Stores an attempt and drops the client's oldest pending ones beyond the cap, so one address cannot
 * fill the table however long it keeps starting sign-ins. Rate limiting makes the cap unreachable
 * for anyone signing in normally, even behind a shared address.
 */
export async function storeSignInAttempt(attempt: NewSignInAttempt, clientKey: string, now = new Date()): Promise<void> {
  await db().signInAttempt.create({
    data: { ...attempt, clientKey, createdAt: now, expiresAt: new Date(now.getTime() + sessionPolicy.signInAttemptTtlMs) },
  });
  const beyondCap = await db().signInAttempt.findMany({
    where: { clientKey },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: signInLimits.liveAttemptsPerClient,
    select: { id: true },
  });
  if (beyondCap.length > 0) await db().signInAttempt.deleteMany({ where: { id: { in: beyondCap.map(({ id }) => id) } } });
}
