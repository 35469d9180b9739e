import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { sessionIdOf } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db/client";
import { asSession } from "@/test/next-request-scope";
import { saveNotificationPreferencesAction } from "./save-notification-preferences";

// As in Next.js: the session comes from the cookie; only the request scope is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

async function signedIn(): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomUUID();
  await db().user.create({ data: { id, entraTenantId: localDemoOrganisation.tenantId, displayName: "Sam Settings", userPrincipalName: `sam.${id.slice(0, 6)}@contoso.example`, lastSignInAt: new Date() } });
  await db().session.create({ data: { id: sessionIdOf(token), userId: id, groupIds: [], lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) } });
  return { id, token };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const rowOf = (userId: string) => db().notificationPreference.findUnique({ where: { userId } });

describe("saveNotificationPreferencesAction", () => {
  it("saves the signed-in person's own choices: ticked boxes on, the rest off", async () => {
    const sam = await signedIn();
    const result = await asSession(sam.token, () => saveNotificationPreferencesAction(null, form({ requestUpdates: "on", approvalDigest: "on" })));
    expect(result).toEqual({ ok: true, data: { requestUpdates: true, approvals: false, approvalDigest: true, tenantChanges: false } });
    expect(await rowOf(sam.id)).toMatchObject({ requestUpdates: true, approvals: false, approvalDigest: true, tenantChanges: false });
  });

  it("refuses a form no browser sends, and changes nothing", async () => {
    const sam = await signedIn();
    const result = await asSession(sam.token, () => saveNotificationPreferencesAction(null, form({ requestUpdates: "yes please" })));
    expect(result).toEqual({ ok: false, error: "The form was not understood. Reload the page and try again." });
    expect(await rowOf(sam.id)).toBeNull();
  });

  it("asks a visitor whose session has ended to sign in again, and saves nothing", async () => {
    const before = await db().notificationPreference.count();
    const result = await asSession(randomUUID(), () => saveNotificationPreferencesAction(null, form({ requestUpdates: "on" })));
    expect(result).toEqual({ ok: false, error: "Your session has ended. Sign in again and retry." });
    expect(await db().notificationPreference.count()).toBe(before);
  });
});
