"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { approveRequestAction } from "../../_actions/approve-request";
import { cancelRequestAction } from "../../_actions/cancel-request";
import { rejectRequestAction } from "../../_actions/reject-request";
import { retryRequestAction } from "../../_actions/retry-request";
import type { RequestActionState } from "../../_actions/run-request-action";

export type AllowedRequestActions = { approve: boolean; reject: boolean; cancel: boolean; retry: boolean };

const actions = { approve: approveRequestAction, reject: rejectRequestAction, cancel: cancelRequestAction, retry: retryRequestAction };
type Intent = keyof typeof actions;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in actions;

/**
 * Decide, cancel or retry. One form and one result so the outcome stays on screen (and keeps focus)
 * after the page re-renders without the buttons that produced it. Rejecting and cancelling ask for
 * confirmation first; the comment is controlled so an error does not wipe it.
 */
export function RequestActions({ requestId, number, allowed }: { requestId: string; number: number; allowed: AllowedRequestActions }) {
  const [confirming, setConfirming] = useState<"reject" | "cancel" | null>(null);
  const [comment, setComment] = useState("");
  const [state, dispatch, pending] = useActionState(async (previous: RequestActionState, formData: FormData) => {
    const intent = formData.get("intent");
    if (!isIntent(intent)) return previous;
    const result = await actions[intent](previous, formData);
    setConfirming(null);
    if (result?.ok) setComment("");
    return result;
  }, null);

  const resultRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state) resultRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const decides = allowed.approve || allowed.reject;
  const anything = decides || allowed.cancel || allowed.retry;
  const commentError = state && !state.ok ? state.fieldErrors?.comment?.[0] : undefined;

  return (
    <div className="space-y-4">
      {state ? (
        <Alert ref={resultRef} tabIndex={-1} role={state.ok ? "status" : "alert"} tone={state.ok ? "success" : "error"}>
          {state.ok ? state.message : state.error}
        </Alert>
      ) : null}
      {anything ? (
        <form action={dispatch} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <input type="hidden" name="requestId" value={requestId} />
          {decides ? (
            <div>
              <label htmlFor="decision-comment" className="block text-sm font-medium">
                Comment
              </label>
              <p id="decision-comment-hint" className="text-xs text-slate-600 dark:text-slate-400">
                Optional when approving, required when rejecting. The requester sees it. Up to 1000 characters.
              </p>
              <textarea
                id="decision-comment"
                name="comment"
                rows={3}
                maxLength={1000}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                aria-invalid={commentError ? true : undefined}
                aria-describedby={commentError ? "decision-comment-hint decision-comment-error" : "decision-comment-hint"}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950"
              />
              {commentError ? (
                <p id="decision-comment-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {commentError}
                </p>
              ) : null}
            </div>
          ) : null}
          {confirming ? (
            <div role="group" aria-labelledby="confirm-question" className="rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950">
              <p id="confirm-question" className="text-sm font-medium text-red-900 dark:text-red-100">
                {confirming === "reject" ? `Reject request #${number}? This cannot be undone.` : `Cancel request #${number}? Nothing will be changed, and this cannot be undone.`}
              </p>
              <div className="mt-2 flex gap-2">
                <Button ref={confirmRef} type="submit" name="intent" value={confirming} variant="danger" disabled={pending}>
                  {confirming === "reject" ? "Yes, reject" : "Yes, cancel the request"}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(null)} disabled={pending}>
                  Go back
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              {allowed.approve ? (
                <Button type="submit" name="intent" value="approve" disabled={pending}>
                  Approve
                </Button>
              ) : null}
              {allowed.reject ? (
                <Button variant="danger" onClick={() => setConfirming("reject")} disabled={pending}>
                  Reject…
                </Button>
              ) : null}
              {allowed.retry ? (
                <Button type="submit" name="intent" value="retry" disabled={pending}>
                  Retry the change
                </Button>
              ) : null}
              {allowed.cancel ? (
                <Button variant="secondary" onClick={() => setConfirming("cancel")} disabled={pending}>
                  Cancel request…
                </Button>
              ) : null}
            </div>
          )}
          {pending ? (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              Working…
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
