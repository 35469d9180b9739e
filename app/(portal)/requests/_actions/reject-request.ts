"use server";

import { z } from "zod";
import { decideChangeRequest } from "@/lib/server/requests/decide-request";
import { commentField, formText, invalidInput, type RequestActionState, requestIdField, runRequestAction } from "./run-request-action";

// The requester deserves to know why: a rejection without a reason is refused.
const input = z.object({ requestId: requestIdField, comment: commentField.min(1, { message: "Say why the request is rejected." }) });

export async function rejectRequestAction(_previous: RequestActionState, formData: FormData): Promise<RequestActionState> {
  const parsed = input.safeParse({ requestId: formText(formData, "requestId"), comment: formText(formData, "comment") });
  if (!parsed.success) return invalidInput(parsed.error);
  const { requestId, comment } = parsed.data;
  return runRequestAction(
    "request.reject",
    requestId,
    (actor, context) => decideChangeRequest(requestId, "reject", comment, actor, context),
    "You rejected this request. The requester can see your comment.",
  );
}
