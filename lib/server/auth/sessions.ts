import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/server/db/client";
import { type AuditContext, currentGroupIds } from "./session-groups";
import { sessionPolicy, sessionState } from "./session-policy";

export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type SessionUser = {
  sessionId: string;
  objectId: string;
  displayName: string;
  userPrincipalName: string;
  groupIds: string[];
};

/**
 * The session a cookie token refers to, if it is still valid; touches its idle timer and re-reads
 * the user's groups from Graph when they are due (session-groups.ts).
 */
export async function findActiveSession(token: string, options: { now?: Date; context?: AuditContext } = {}): Promise<SessionUser | null> {
  const now = options.now ?? new Date();
  const session = await db().session.findUnique({
    where: { id: sessionIdOf(token) },
    select: {
      id: true,
      userId: true,
      groupIds: true,
      groupsCheckedAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, displayName: true, userPrincipalName: true } },
    },
  });
  if (!session || sessionState(session, now) !== "active") return null;
  const groups = await currentGroupIds(session, now, options.context ?? { correlationId: null, clientIp: null, userAgent: null });
  if (!groups.ok) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionPolicy.touchIntervalMs) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    objectId: session.user.id,
    displayName: session.user.displayName,
    userPrincipalName: session.user.userPrincipalName,
    groupIds: groups.groupIds,
  };
}
