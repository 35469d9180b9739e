"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { logger } from "@/lib/server/logger";
import { saveNotificationPreferences } from "@/lib/server/notifications/preferences";
import { requestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import type { PreferencesState } from "./preferences-state";

// An unticked checkbox is simply absent from the form; anything but "on" is not a browser's checkbox.
const checkbox = z.literal("on").optional().transform((value) => value === "on");
const preferencesForm = z.object({ requestUpdates: checkbox, approvals: checkbox, approvalDigest: checkbox, tenantChanges: checkbox });

/** Saves the signed-in person's own notification choices (the id is the session's, never the form's). */
export async function saveNotificationPreferencesAction(_previous: PreferencesState, form: FormData): Promise<PreferencesState> {
  const parsed = preferencesForm.safeParse(Object.fromEntries(["requestUpdates", "approvals", "approvalDigest", "tenantChanges"].map((name) => [name, form.get(name) ?? undefined])));
  if (!parsed.success) return { ok: false, error: "The form was not understood. Reload the page and try again." };
  const access = await authorizeAction("portal.view", { kind: "portal" });
  if (!access.ok) return access;
  const context = await requestContext();
  try {
    const saved = await saveNotificationPreferences(actorOf(access.user), parsed.data, context);
    revalidatePath("/settings/notifications");
    return { ok: true, data: saved };
  } catch (error) {
    logger.error("saving notification preferences failed", { correlationId: context.correlationId, error });
    return { ok: false, error: `Your choices could not be saved. Try again; quote ${context.correlationId} if it keeps failing.` };
  }
}
