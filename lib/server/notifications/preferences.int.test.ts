import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultNotificationPreferences } from "@/lib/notifications/categories";
import { db } from "@/lib/server/db/client";
import { testContext } from "@/lib/server/requests/requests-fixtures.test-helper";
import { notificationPreferencesOf, saveNotificationPreferences } from "./preferences";

describe("notification preferences", () => {
  it("start at the defaults, save a person's own choices and audit the change", async () => {
    const person = { kind: "user" as const, objectId: randomUUID(), name: "Pat Person", upn: "pat.person@contoso.example" };
    expect(await notificationPreferencesOf(person.objectId)).toEqual(defaultNotificationPreferences);
    const chosen = { requestUpdates: true, approvals: false, approvalDigest: true, tenantChanges: false };
    expect(await saveNotificationPreferences(person, chosen, testContext)).toEqual(chosen);
    expect(await notificationPreferencesOf(person.objectId)).toEqual(chosen);
    const [event, ...more] = await db().auditEvent.findMany({ where: { targetType: "notification_preference", targetId: person.objectId } });
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: "notification.preferences_changed", actorObjectId: person.objectId, before: defaultNotificationPreferences, after: chosen });
  });
});
