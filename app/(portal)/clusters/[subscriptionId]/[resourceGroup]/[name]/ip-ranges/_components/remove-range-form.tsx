"use client";

import { useActionState } from "react";
import { idleRangeForm, refusalOf } from "../_actions/form-state";
import { requestRangeRemovalAction } from "../_actions/request-range-removal";
import { Button } from "@/components/ui/button";
import { FieldError, FormFeedback, inputClass } from "./form-feedback";

/** Removing a range can lock people out: it asks for a reason and an explicit confirmation. */
export function RemoveRangeForm({ clusterId, range, canApplyDirectly }: { clusterId: string; range: string; canApplyDirectly: boolean }) {
  const [state, submit, pending] = useActionState(requestRangeRemovalAction, idleRangeForm);
  const id = range.replace(/[^0-9a-z]/gi, "-");
  const { errors, values } = refusalOf(state);
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium text-red-700 hover:underline dark:text-red-400">
        Remove<span className="sr-only"> {range}</span>
      </summary>
      <form action={submit} className="mt-2 w-72 space-y-2">
        <input type="hidden" name="clusterId" value={clusterId} />
        <input type="hidden" name="range" value={range} />
        <label htmlFor={`remove-reason-${id}`} className="text-sm font-medium">
          Why remove {range}?
        </label>
        <textarea id={`remove-reason-${id}`} name="justification" defaultValue={values.justification} required rows={2} className={inputClass} aria-invalid={errors.justification ? true : undefined} />
        <FieldError id={`remove-reason-error-${id}`} message={errors.justification} />
        {canApplyDirectly ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="applyNow" className="size-4" /> Apply now
          </label>
        ) : null}
        <FormFeedback state={state} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Submitting…" : `Confirm removal of ${range}`}
        </Button>
      </form>
    </details>
  );
}
