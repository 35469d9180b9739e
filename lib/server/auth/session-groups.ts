import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { directoryAccountOf } from "@/lib/server/azure/graph";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";
import { groupsFreshness, sessionPolicy } from "./session-policy";

/**
 * Who the user is, now: group memberships (and so roles and tenant ownership) are re-read from Graph
 * once they are older than the refresh interval, and a disabled or deleted account loses every
 * session. See docs/ARCHITECTURE.md, "Identity and sessions".
 */
export type SessionGroupsRow = { id: string; userId: string; groupIds: string[]; groupsCheckedAt: Date };
/** The request that noticed, for the audit log (none when a test or a job asks). */
export type AuditContext = { correlationId: string | null; clientIp: string | null; userAgent: string | null };
export type CurrentGroups = { ok: true; groupIds: string[] } | { ok: false; why: "revoked" | "unconfirmed" };

const groupsRow = { id: true, userId: true, groupIds: true, groupsCheckedAt: true, revokedAt: true } as const;

// Requests of one browser arrive together (a navigation and its prefetches): they share one refresh.
const inFlight = new Map<string, Promise<CurrentGroups>>();

export function currentGroupIds(session: SessionGroupsRow, now: Date, context: AuditContext): Promise<CurrentGroups> {
  const interval = env().groupRefreshIntervalMs;
  if (groupsFreshness(session.groupsCheckedAt, now, interval) === "fresh") return Promise.resolve({ ok: true, groupIds: session.groupIds });
  let refresh = inFlight.get(session.id);
  if (!refresh) {
    refresh = refreshGroups(session, now, interval, context).finally(() => inFlight.delete(session.id));
    inFlight.set(session.id, refresh);
  }
  return refresh;
}

/** Across instances, one refresh at a time per session: whoever claims the row asks Graph. */
async function refreshGroups(session: SessionGroupsRow, now: Date, interval: number, context: AuditContext): Promise<CurrentGroups> {
  const deadline = Date.now() + sessionPolicy.groupRefreshLeaseMs;
  let row = session;
  for (;;) {
    if (await claim(row, now)) return askGraph(row, now, interval, context);
    // Another instance is asking: the last known groups serve within their grace time; after it, wait.
    if (groupsFreshness(row.groupsCheckedAt, now, interval) === "due") return { ok: true, groupIds: row.groupIds };
    if (Date.now() >= deadline) return { ok: false, why: "unconfirmed" };
    await sleep(200);
    const reloaded = await db().session.findUnique({ where: { id: row.id }, select: groupsRow });
    if (!reloaded || reloaded.revokedAt) return { ok: false, why: "revoked" };
    if (reloaded.groupsCheckedAt > row.groupsCheckedAt) return { ok: true, groupIds: reloaded.groupIds };
    row = reloaded;
  }
}

async function claim(row: SessionGroupsRow, now: Date): Promise<boolean> {
  const abandoned = new Date(now.getTime() - sessionPolicy.groupRefreshLeaseMs);
  const { count } = await db().session.updateMany({
    where: {
      id: row.id,
      revokedAt: null,
      groupsCheckedAt: row.groupsCheckedAt,
      OR: [{ groupsRefreshClaimedAt: null }, { groupsRefreshClaimedAt: { lt: abandoned } }],
    },
    data: { groupsRefreshClaimedAt: now },
  });
  return count === 1;
}

async function askGraph(row: SessionGroupsRow, now: Date, interval: number, context: AuditContext): Promise<CurrentGroups> {
  const account = await directoryAccountOf(row.userId);
  if (account.state === "active") {
    const groupIds = account.groupIds.map((id) => id.toLowerCase());
    await saveGroups(row, groupIds, now, context);
    return { ok: true, groupIds };
  }
  if (account.state === "unavailable") {
    await db().session.updateMany({ where: { id: row.id, groupsRefreshClaimedAt: now }, data: { groupsRefreshClaimedAt: null } });
    const withinGrace = groupsFreshness(row.groupsCheckedAt, now, interval) === "due";
    logger.warn("Microsoft Graph did not confirm a session's group memberships", {
      correlationId: context.correlationId,
      status: account.status,
      outcome: withinGrace ? "last known groups kept" : "session refused until Graph answers",
    });
    return withinGrace ? { ok: true, groupIds: row.groupIds } : { ok: false, why: "unconfirmed" };
  }
  await revokeSessionsOf(row.userId, account.state === "disabled" ? "account disabled in Microsoft Entra ID" : "account deleted from Microsoft Entra ID", now, context);
  return { ok: false, why: "revoked" };
}

async function saveGroups(row: SessionGroupsRow, groupIds: string[], now: Date, context: AuditContext): Promise<void> {
  const added = groupIds.filter((id) => !row.groupIds.includes(id));
  const removed = row.groupIds.filter((id) => !groupIds.includes(id));
  await db().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: row.id, groupsRefreshClaimedAt: now },
      data: { groupIds, groupsCheckedAt: now, groupsRefreshClaimedAt: null },
    });
    if (count === 0 || (added.length === 0 && removed.length === 0)) return;
    // Roles and tenant ownership follow groups: a change of them is a change of rights.
    await appendAuditEvent(tx, {
      actor: { kind: "system" },
      action: "session.groups_changed",
      outcome: "success",
      target: { type: "session", id: row.id },
      before: { userObjectId: row.userId, groupCount: row.groupIds.length },
      after: { groupCount: groupIds.length, added, removed },
      reason: "group memberships re-read from Microsoft Graph",
      ...context,
    });
  });
}

/** Ends every open session of an account Entra ID no longer lets sign in, one audit event each. */
async function revokeSessionsOf(userId: string, reason: string, now: Date, context: AuditContext): Promise<void> {
  await db().$transaction(async (tx) => {
    const sessions = await tx.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, user: { select: { displayName: true, userPrincipalName: true } } },
    });
    await tx.session.updateMany({ where: { id: { in: sessions.map((session) => session.id) } }, data: { revokedAt: now } });
    for (const session of sessions) {
      await appendAuditEvent(tx, {
        actor: { kind: "system" },
        action: "session.revoked",
        outcome: "success",
        target: { type: "session", id: session.id },
        before: { userObjectId: userId, name: session.user.displayName, userPrincipalName: session.user.userPrincipalName },
        reason,
        ...context,
      });
    }
  });
}
