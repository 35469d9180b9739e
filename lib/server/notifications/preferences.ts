import "server-only";
import { defaultNotificationPreferences, type NotificationPreferences } from "@/lib/notifications/categories";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import type { UserActor } from "@/lib/server/requests/actor";

const select = { requestUpdates: true, approvals: true, approvalDigest: true, tenantChanges: true } as const;

export async function notificationPreferencesOf(userId: string): Promise<NotificationPreferences> {
  return (await db().notificationPreference.findUnique({ where: { userId }, select })) ?? defaultNotificationPreferences;
}

/** Saves a person's own choices (never someone else's: the id comes from the session), audited. */
export async function saveNotificationPreferences(user: UserActor, preferences: NotificationPreferences, context: RequestContext): Promise<NotificationPreferences> {
  return db().$transaction(async (tx) => {
    const before = (await tx.notificationPreference.findUnique({ where: { userId: user.objectId }, select })) ?? defaultNotificationPreferences;
    const after = await tx.notificationPreference.upsert({ where: { userId: user.objectId }, create: { userId: user.objectId, ...preferences }, update: preferences, select });
    await appendAuditEvent(tx, {
      actor: { kind: "user", objectId: user.objectId, name: user.name, upn: user.upn },
      action: "notification.preferences_changed",
      target: { type: "notification_preference", id: user.objectId },
      outcome: "success",
      before,
      after,
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
    return after;
  });
}
