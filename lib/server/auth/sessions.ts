import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { ownedTenantIdsSql } from "@/lib/server/tenants/ownership";
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
  /**
   * The tenants `groupIds` own, read with the session in the same statement; absent when the groups
   * were just re-read from Graph (the caller asks again for the new groups).
   */
  ownedTenantIds?: string[];
};

type SessionRow = {
  id: string;
  user_id: string;
  group_ids: string[];
  groups_checked_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  display_name: string;
  user_principal_name: string;
  owned_tenant_ids: string[];
};

/**
 * The session a cookie token refers to, if it is still valid; touches its idle timer and re-reads
 * the user's groups from Graph when they are due (session-groups.ts).
 */
export async function findActiveSession(token: string, options: { now?: Date; context?: AuditContext } = {}): Promise<SessionUser | null> {
  const now = options.now ?? new Date();
  // One statement for what every page needs first (session, user, owned tenants): it runs before
  // anything else a page reads, so each round trip here is latency on every request.
  const [row] = await db().$queryRaw<SessionRow[]>(Prisma.sql`
    SELECT s.id, s.user_id, s.group_ids, s.groups_checked_at, s.last_seen_at, s.expires_at, s.revoked_at,
           u.display_name, u.user_principal_name, ${ownedTenantIdsSql(Prisma.sql`s.group_ids`)} AS owned_tenant_ids
    FROM session s JOIN app_user u ON u.id = s.user_id
    WHERE s.id = ${sessionIdOf(token)}`);
  const session = row && {
    id: row.id,
    userId: row.user_id,
    groupIds: row.group_ids,
    groupsCheckedAt: row.groups_checked_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
  if (!session || sessionState(session, now) !== "active") return null;
  const groups = await currentGroupIds(session, now, options.context ?? { correlationId: null, clientIp: null, userAgent: null });
  if (!groups.ok) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionPolicy.touchIntervalMs) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    objectId: session.userId,
    displayName: row.display_name,
    userPrincipalName: row.user_principal_name,
    groupIds: groups.groupIds,
    ...(groups.groupIds === row.group_ids ? { ownedTenantIds: row.owned_tenant_ids } : {}),
  };
}
