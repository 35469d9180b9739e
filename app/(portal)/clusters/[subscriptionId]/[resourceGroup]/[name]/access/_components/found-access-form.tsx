"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { RequestFeedback } from "@/components/requests/request-feedback";
import { idleAccessForm } from "../_actions/form-state";
import { adoptFoundAccessAction } from "../_actions/adopt-found-access";
import { revokeFoundAccessAction } from "../_actions/revoke-found-access";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";

/**
 * Adopt (record it as a Clusterdesk grant, nothing changes on the cluster) and/or revoke (delete it)
 * one entry found on the cluster: one disclosure with one reason and a button per allowed action, so a
 * table of found entries carries one small form per row.
 */
export function FoundAccessForm({ entryId, label, canAdopt, canRevoke }: { entryId: string; label: string; canAdopt: boolean; canRevoke: boolean }) {
  const [adoptState, adopt, adopting] = useActionState(adoptFoundAccessAction, idleAccessForm);
  const [revokeState, revoke, revoking] = useActionState(revokeFoundAccessAction, idleAccessForm);
  const [last, setLast] = useState<"adopt" | "revoke">(canAdopt ? "adopt" : "revoke");
  const state = last === "adopt" ? adoptState : revokeState;
  const reasonError = state.status === "error" ? state.fieldErrors?.justification : undefined;
  const id = `found-${entryId}`;
  const pending = adopting || revoking;
  const summary = canAdopt && canRevoke ? "Adopt or revoke" : canAdopt ? "Adopt" : "Revoke";
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
        {summary}
        <span className="sr-only"> {label}</span>
      </summary>
      <form className="mt-2 w-72 space-y-2">
        <input type="hidden" name="entryId" value={entryId} />
        <label htmlFor={`${id}-reason`} className="text-sm font-medium">
          Why {summary.toLowerCase()} {label}?
        </label>
        <textarea id={`${id}-reason`} name="justification" required rows={2} className={inputClass} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${id}-error` : undefined} />
        <FieldError id={`${id}-error`} message={reasonError} />
        <RequestFeedback state={state} />
        <div className="flex gap-2">
          {canAdopt ? (
            <Button type="submit" variant="secondary" disabled={pending} formAction={adopt} onClick={() => setLast("adopt")}>
              {adopting ? "Submitting…" : "Confirm adoption"}
            </Button>
          ) : null}
          {canRevoke ? (
            <Button type="submit" variant="danger" disabled={pending} formAction={revoke} onClick={() => setLast("revoke")}>
              {revoking ? "Submitting…" : "Confirm revocation"}
            </Button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
