"use server";

import { z } from "zod";
import { decideChangeRequest } from "@/lib/server/requests/decide-request";
import { commentField, formText, invalidInput, type RequestActionState, requestIdField, runRequestAction } from "./run-request-action";

const input = z.object({ requestId: requestIdField, comment: commentField });

export async function approveRequestAction(_previous: RequestActionState, formData: FormData): Promise<RequestActionState> {
  const parsed = input.safeParse({ requestId: formText(formData, "requestId"), comment: formText(formData, "comment") });
  if (!parsed.success) return invalidInput(parsed.error);
  const { requestId, comment } = parsed.data;
  return runRequestAction(
    "request.approve",
    requestId,
    (actor, context) => decideChangeRequest(requestId, "approve", comment, actor, context),
    "You approved this request. Clusterdesk applies it next; this page follows its progress.",
  );
}
