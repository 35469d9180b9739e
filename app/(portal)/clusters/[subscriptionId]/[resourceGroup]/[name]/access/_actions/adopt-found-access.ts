"use server";

import { revalidatePath } from "next/cache";
import { foundAccessForm } from "@/lib/access/found-access-forms";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { foundAccessTarget, requestAdoption } from "@/lib/server/access/found-access-requests";
import { requestContext } from "@/lib/server/request-context";
import type { AccessFormState } from "./form-state";
import { accessFieldErrors, signedOut } from "./shared";

/** An admin takes access found on the cluster under Clusterdesk's management; nothing changes on the cluster. */
export async function adoptFoundAccessAction(_previous: AccessFormState, formData: FormData): Promise<AccessFormState> {
  const parsed = foundAccessForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return accessFieldErrors(parsed.error, formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: signedOut };
  const target = await foundAccessTarget(parsed.data.entryId);
  if (!target) return { status: "error", message: "This access is no longer listed as found on the cluster (adopted, revoked or gone since the last read). Reload the page." };
  const access = await authorizeAction("access.adopt", target.resource);
  if (!access.ok) return { status: "error", message: access.error };

  const outcome = await requestAdoption(target, parsed.data.justification, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: `Request #${outcome.number} adopts this access; it is being recorded.`, number: outcome.number };
}
