"use server";

import { z } from "zod";
import { retryChangeRequest } from "@/lib/server/requests/decide-request";
import { formText, invalidInput, type RequestActionState, requestIdField, runRequestAction } from "./run-request-action";

const input = z.object({ requestId: requestIdField });

export async function retryRequestAction(_previous: RequestActionState, formData: FormData): Promise<RequestActionState> {
  const parsed = input.safeParse({ requestId: formText(formData, "requestId") });
  if (!parsed.success) return invalidInput(parsed.error);
  const { requestId } = parsed.data;
  return runRequestAction("request.retry", requestId, (actor, context) => retryChangeRequest(requestId, actor, context), "You asked Clusterdesk to apply the change again.");
}
