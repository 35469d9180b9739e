"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { revokeAccessForm } from "@/lib/access/access-forms";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { requestAccessRevocation, revocationTarget } from "@/lib/server/access/request-revocation";
import { requestContext } from "@/lib/server/request-context";
import type { AccessFormState } from "./form-state";
import { accessFieldErrors, accessOutcomeMessage, signedOut } from "./shared";

/**
 * Ends a grant: at once for the namespace's tenant owners and for admins off production; as a
 * request for a second admin where a direct revocation is refused (production).
 */
export async function revokeAccessGrantAction(_previous: AccessFormState, formData: FormData): Promise<AccessFormState> {
  const parsed = revokeAccessForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return accessFieldErrors(parsed.error, formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: signedOut };
  const target = await revocationTarget(parsed.data.grantId);
  if (!target) return { status: "error", message: "This access is not active any more (already revoked or never recorded)." };
  const applyNow = can(user.principal, "access.revoke", target.resource);
  const access = await authorizeAction(applyNow ? "access.revoke" : "access.request-revoke", target.resource);
  if (!access.ok) return { status: "error", message: access.error };

  const outcome = await requestAccessRevocation(target.grantId, parsed.data.justification, { applyNow }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: accessOutcomeMessage(outcome.number, outcome.status), number: outcome.number };
}
