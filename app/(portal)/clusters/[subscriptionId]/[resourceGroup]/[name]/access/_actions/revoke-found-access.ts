"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { foundAccessForm } from "@/lib/access/found-access-forms";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { foundAccessTarget, requestFoundRevocation } from "@/lib/server/access/found-access-requests";
import { requestContext } from "@/lib/server/request-context";
import type { AccessFormState } from "./form-state";
import { accessFieldErrors, accessOutcomeMessage, signedOut } from "./shared";

/**
 * Deletes access found on the cluster: at once for the namespace's tenant owners and for admins off
 * production; as a request for a second admin where a direct revocation is refused (production).
 */
export async function revokeFoundAccessAction(_previous: AccessFormState, formData: FormData): Promise<AccessFormState> {
  const parsed = foundAccessForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return accessFieldErrors(parsed.error, formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: signedOut };
  const target = await foundAccessTarget(parsed.data.entryId);
  if (!target) return { status: "error", message: "This access is no longer listed as found on the cluster (adopted, revoked or gone since the last read). Reload the page." };
  const applyNow = can(user.principal, "access.revoke-found", target.resource);
  const access = await authorizeAction(applyNow ? "access.revoke-found" : "access.request-revoke-found", target.resource);
  if (!access.ok) return { status: "error", message: access.error };

  const outcome = await requestFoundRevocation(target, parsed.data.justification, { applyNow }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: accessOutcomeMessage(outcome.number, outcome.status), number: outcome.number };
}
