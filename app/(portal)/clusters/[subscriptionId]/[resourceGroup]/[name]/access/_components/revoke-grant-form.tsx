"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { idleAccessForm } from "../_actions/form-state";
import { revokeAccessGrantAction } from "../_actions/revoke-access-grant";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";
import { RequestFeedback } from "@/components/requests/request-feedback";

/** Revoking cuts someone off at once: it asks for a reason and an explicit confirmation. */
export function RevokeGrantForm({ grantId, label }: { grantId: string; label: string }) {
  const [state, submit, pending] = useActionState(revokeAccessGrantAction, idleAccessForm);
  const reasonError = state.status === "error" ? state.fieldErrors?.justification : undefined;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-red-700 hover:underline dark:text-red-400">
        Revoke<span className="sr-only"> {label}</span>
      </summary>
      <form action={submit} className="mt-2 w-72 space-y-2">
        <input type="hidden" name="grantId" value={grantId} />
        <label htmlFor={`revoke-reason-${grantId}`} className="text-sm font-medium">
          Why revoke {label}?
        </label>
        <textarea id={`revoke-reason-${grantId}`} name="justification" required rows={2} className={inputClass} aria-invalid={reasonError ? true : undefined} />
        <FieldError id={`revoke-reason-error-${grantId}`} message={reasonError} />
        <RequestFeedback state={state} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Submitting…" : "Confirm revocation"}
        </Button>
      </form>
    </details>
  );
}
