"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { extendAccessForm } from "@/lib/access/access-forms";
import { accessDurations } from "@/lib/access/durations";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { extensionTarget, requestGrantExtension } from "@/lib/server/access/request-extension";
import { requestContext } from "@/lib/server/request-context";
import type { AccessFormState } from "./form-state";
import { accessFieldErrors, accessOutcomeMessage, signedOut } from "./shared";

/**
 * Asks for more time on a time-bound grant, through the change engine like a grant: the namespace's
 * tenant owners ask and an admin approves (never their own request); an admin off production
 * extends at once. The grant and its tenant are read from the record, not the form.
 */
export async function extendAccessGrantAction(_previous: AccessFormState, formData: FormData): Promise<AccessFormState> {
  const parsed = extendAccessForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return accessFieldErrors(parsed.error, formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: signedOut };
  const target = await extensionTarget(parsed.data.grantId);
  if (!target) return { status: "error", message: "This access is not active any more (already revoked or never recorded)." };
  const applyNow = can(user.principal, "access.grant-directly", target.resource);
  const access = await authorizeAction(applyNow ? "access.grant-directly" : "access.request-extend", target.resource);
  if (!access.ok) return { status: "error", message: access.error };

  const outcome = await requestGrantExtension(target.grantId, accessDurations[parsed.data.extendBy].seconds, parsed.data.justification, { applyNow }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: accessOutcomeMessage(outcome.number, outcome.status), number: outcome.number };
}
