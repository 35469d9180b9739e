import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Action } from "@/lib/auth/policy";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { logger } from "@/lib/server/logger";
import { requestContext, type RequestContext } from "@/lib/server/request-context";
import { type Actor, actorOf } from "@/lib/server/requests/actor";
import { findChangeRequestResource } from "@/lib/server/requests/queries";
import type { TransitionOutcome } from "@/lib/server/requests/transitions";

export type RequestActionState =
  | { ok: true; message: string }
  | { ok: false; error: string; fieldErrors?: { comment?: string[] } }
  | null;

export const requestIdField = z.uuid({ message: "The request id is not valid." });
export const commentField = z.string().trim().max(1000, { message: "Keep the comment to 1000 characters or fewer." });

export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export function invalidInput(error: z.ZodError<{ requestId: string; comment?: string }>): RequestActionState {
  const { fieldErrors } = z.flattenError(error);
  return { ok: false, error: fieldErrors.requestId?.[0] ?? fieldErrors.comment?.[0] ?? "Check the form and try again.", fieldErrors: { comment: fieldErrors.comment } };
}

/**
 * The shared middle of every request action: look the request up on the server, authorize the
 * action against what is stored (never against what the form claims), delegate to the engine and
 * revalidate. The engine's refusals (someone else decided first) are expected errors shown to the
 * user; anything else is logged with the correlation id and shown generically.
 */
export async function runRequestAction(
  action: Extract<Action, `request.${string}`>,
  requestId: string,
  perform: (actor: Extract<Actor, { kind: "user" }>, context: RequestContext) => Promise<TransitionOutcome>,
  successMessage: string,
): Promise<RequestActionState> {
  const found = await findChangeRequestResource(requestId);
  if (!found) return { ok: false, error: "This request does not exist." };
  const authorized = await authorizeAction(action, found.resource);
  if (!authorized.ok) return authorized;
  const context = await requestContext();
  let outcome: TransitionOutcome;
  try {
    outcome = await perform(actorOf(authorized.user), context);
  } catch (error) {
    logger.error("request action failed", { action, requestId, correlationId: context.correlationId, error });
    // The decision may have committed before the failure (e.g. queuing its job): do not promise otherwise.
    return { ok: false, error: `Something went wrong, and Clusterdesk cannot tell whether the request changed. The page now shows its current state; check it before trying again. Reference: ${context.correlationId}` };
  }
  // Also after a refusal: the request changed under the user, and the page should show how.
  // The whole portal, not only /requests/<n>: the header's inbox badge is on every page.
  revalidatePath("/", "layout");
  return outcome.ok ? { ok: true, message: successMessage } : { ok: false, error: outcome.error };
}
