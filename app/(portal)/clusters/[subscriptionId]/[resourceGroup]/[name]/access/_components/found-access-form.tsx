"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { RequestFeedback } from "@/components/requests/request-feedback";
import { idleAccessForm } from "../_actions/form-state";
import { adoptFoundAccessAction } from "../_actions/adopt-found-access";
import { revokeFoundAccessAction } from "../_actions/revoke-found-access";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";

const verbs = {
  adopt: { action: adoptFoundAccessAction, summary: "Adopt", question: "Why should Clusterdesk manage", confirm: "Confirm adoption", tone: "text-sky-700 dark:text-sky-400", variant: "secondary" },
  revoke: { action: revokeFoundAccessAction, summary: "Revoke", question: "Why revoke", confirm: "Confirm revocation", tone: "text-red-700 dark:text-red-400", variant: "danger" },
} as const;

/**
 * Adopt (record it as a Clusterdesk grant, nothing changes on the cluster) or revoke (delete it)
 * one entry found on the cluster; both ask for a reason and an explicit confirmation.
 */
export function FoundAccessForm({ entryId, label, verb }: { entryId: string; label: string; verb: keyof typeof verbs }) {
  const { action, summary, question, confirm, tone, variant } = verbs[verb];
  const [state, submit, pending] = useActionState(action, idleAccessForm);
  const reasonError = state.status === "error" ? state.fieldErrors?.justification : undefined;
  const id = `${verb}-found-${entryId}`;
  return (
    <details>
      <summary className={`cursor-pointer text-sm font-medium hover:underline ${tone}`}>
        {summary}
        <span className="sr-only"> {label}</span>
      </summary>
      <form action={submit} className="mt-2 w-72 space-y-2">
        <input type="hidden" name="entryId" value={entryId} />
        <label htmlFor={`${id}-reason`} className="text-sm font-medium">
          {question} {label}?
        </label>
        <textarea id={`${id}-reason`} name="justification" required rows={2} className={inputClass} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${id}-error` : undefined} />
        <FieldError id={`${id}-error`} message={reasonError} />
        <RequestFeedback state={state} />
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Submitting…" : confirm}
        </Button>
      </form>
    </details>
  );
}
