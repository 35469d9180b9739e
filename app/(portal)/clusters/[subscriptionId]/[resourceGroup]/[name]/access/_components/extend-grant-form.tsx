"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
// Durations only: the form schemas (zod) stay on the server, out of the page's JavaScript.
import { accessDurations, extensionChoices } from "@/lib/access/durations";
import { extendAccessGrantAction } from "../_actions/extend-access-grant";
import { idleAccessForm } from "../_actions/form-state";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";
import { RequestFeedback } from "@/components/requests/request-feedback";

/** Asks for more time on a time-bound grant before it ends: how much longer, and why. */
export function ExtendGrantForm({ grantId, label }: { grantId: string; label: string }) {
  const [state, submit, pending] = useActionState(extendAccessGrantAction, idleAccessForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
        Extend<span className="sr-only"> {label}</span>
      </summary>
      <form action={submit} className="mt-2 w-72 space-y-2">
        <input type="hidden" name="grantId" value={grantId} />
        <div>
          <label htmlFor={`extend-by-${grantId}`} className="text-sm font-medium">
            Longer by
          </label>
          <select id={`extend-by-${grantId}`} name="extendBy" defaultValue="8h" className={inputClass} aria-describedby={`extend-by-hint-${grantId}`}>
            {extensionChoices.map((choice) => (
              <option key={choice} value={choice}>
                {accessDurations[choice].label}
              </option>
            ))}
          </select>
          <p id={`extend-by-hint-${grantId}`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Added to the current end.
          </p>
          <FieldError id={`extend-by-error-${grantId}`} message={errors.extendBy} />
        </div>
        <label htmlFor={`extend-reason-${grantId}`} className="text-sm font-medium">
          Why longer?
        </label>
        <textarea id={`extend-reason-${grantId}`} name="justification" required rows={2} className={inputClass} aria-invalid={errors.justification ? true : undefined} />
        <FieldError id={`extend-reason-error-${grantId}`} message={errors.justification} />
        <RequestFeedback state={state} />
        <Button type="submit" disabled={pending}>
          {pending ? "Submitting…" : "Ask to extend"}
        </Button>
      </form>
    </details>
  );
}
