"use server";

import { z } from "zod";
import { cancelChangeRequest } from "@/lib/server/requests/decide-request";
import { formText, invalidInput, type RequestActionState, requestIdField, runRequestAction } from "./run-request-action";

const input = z.object({ requestId: requestIdField });

export async function cancelRequestAction(_previous: RequestActionState, formData: FormData): Promise<RequestActionState> {
  const parsed = input.safeParse({ requestId: formText(formData, "requestId") });
  if (!parsed.success) return invalidInput(parsed.error);
  const { requestId } = parsed.data;
  return runRequestAction("request.cancel", requestId, (actor, context) => cancelChangeRequest(requestId, actor, context), "You cancelled this request. Nothing will be changed.");
}
