import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/server/db/client";
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

/** The session a cookie token refers to, if it is still valid; touches its idle timer. */
export async function findActiveSession(token: string, now = new Date()): Promise<SessionUser | null> {
  const session = await db().session.findUnique({
    where: { id: sessionIdOf(token) },
    select: {
      id: true,
      groupIds: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, displayName: true, userPrincipalName: true } },
    },
  });
  if (!session || sessionState(session, now) !== "active") return null;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionPolicy.touchIntervalMs) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    objectId: session.user.id,
    displayName: session.user.displayName,
    userPrincipalName: session.user.userPrincipalName,
    groupIds: session.groupIds,
  };
}
